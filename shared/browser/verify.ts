/** The verify page's share button: copies the page's link from the field beside it. */
for (const button of Array.from(document.querySelectorAll<HTMLButtonElement>('button[data-copy]'))) {
  const field = document.getElementById(button.dataset.copy ?? '') as HTMLInputElement | null;
  const done = document.getElementById(`${button.dataset.copy}-done`);
  if (!field || !navigator.clipboard) continue;
  button.hidden = false;
  button.addEventListener('click', () => {
    navigator.clipboard.writeText(field.value).then(
      () => {
        if (done) done.textContent = button.dataset.copied ?? '';
      },
      // Refused (no permission): select the text, so the person can copy it themselves.
      () => field.select(),
    );
  });
}
