// Add a missed item by selecting it on the page image: drag a box, its text fills the form.
(function () {
  const form = document.getElementById("add");
  if (!form) return;
  const frame = document.getElementById("add-frame"), image = document.getElementById("add-page");
  const box = document.getElementById("add-box"), pageField = form.elements.page;
  const show = () => { image.src = form.dataset.pages + pageField.value + ".png"; box.hidden = true; };
  pageField.addEventListener("change", show);
  let start = null;
  const at = (e) => {
    const r = frame.getBoundingClientRect();
    return [100 * (e.clientX - r.left) / r.width, 100 * (e.clientY - r.top) / r.height];
  };
  const place = (a, b) => {
    const [l, t] = [Math.min(a[0], b[0]), Math.min(a[1], b[1])];
    const [w, h] = [Math.abs(a[0] - b[0]), Math.abs(a[1] - b[1])];
    Object.assign(box.style, {left: l + "%", top: t + "%", width: w + "%", height: h + "%"});
    box.hidden = false;
    return {left: l, top: t, width: w, height: h};
  };
  frame.addEventListener("mousedown", (e) => { e.preventDefault(); start = at(e); place(start, start); });
  frame.addEventListener("mousemove", (e) => { if (start) place(start, at(e)); });
  frame.addEventListener("mouseup", async (e) => {
    if (!start) return;
    const chosen = place(start, at(e));
    start = null;
    const query = new URLSearchParams(Object.entries(chosen).map(([k, v]) => [k, v.toFixed(2)]));
    const answer = await fetch(form.dataset.pages + pageField.value + "/text?" + query);
    if (answer.ok) {
      form.elements.text.value = (await answer.json()).text;
      form.dataset.selected = "yes";
    }
  });
})();
