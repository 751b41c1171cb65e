// Times: the server writes them in UTC (what a page without JavaScript shows); here they become the viewer's
// local time, with the UTC time kept in the tooltip.
(function () {
  var format = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });
  function localize(root) {
    (root.querySelectorAll ? root : document).querySelectorAll("time.when[datetime]").forEach(function (time) {
      if (time.hasAttribute("data-local")) return;
      var at = new Date(time.getAttribute("datetime"));
      if (isNaN(at.getTime())) return;
      time.textContent = format.format(at);
      time.setAttribute("data-local", "");
    });
  }
  document.addEventListener("DOMContentLoaded", function () { localize(document); });
  document.addEventListener("htmx:load", function (event) { localize(event.detail.elt); });
})();
