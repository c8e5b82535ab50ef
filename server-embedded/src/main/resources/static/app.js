// Progressive enhancement only: every page works without this file (CSP forbids inline scripts).
document.querySelectorAll("[data-copy]").forEach((button) => {
  button.addEventListener("click", async () => {
    const field = document.getElementById(button.dataset.copy);
    try {
      await navigator.clipboard.writeText(field.value);
    } catch (e) {
      field.select();
      document.execCommand("copy");
    }
    const label = button.textContent;
    button.textContent = "Copied";
    setTimeout(() => { button.textContent = label; }, 1500);
  });
});

// The History page searches as you type: the form is sent 400 ms after the last key.
document.querySelectorAll("form[data-live-search]").forEach((form) => {
  let timer;
  form.querySelectorAll("input[type=search]").forEach((input) => {
    input.addEventListener("input", () => {
      clearTimeout(timer);
      timer = setTimeout(() => form.requestSubmit(), 400);
    });
  });
  form.querySelectorAll("select, input[type=date]").forEach((field) => {
    field.addEventListener("change", () => form.requestSubmit());
  });
});
