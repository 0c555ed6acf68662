/* Search every paragraph of the report in the browser: no network, no module (works from
   file://). Results are built with textContent, never innerHTML: the text is data. */
(function () {
  "use strict";
  var input = document.getElementById("search");
  var list = document.getElementById("search-results");
  var status = document.getElementById("search-status");
  var index = window.strategySearchIndex || [];
  if (!input || !list || !status) { return; }

  function show(query) {
    while (list.firstChild) { list.removeChild(list.firstChild); }
    var wanted = query.trim().toLowerCase();
    if (wanted.length < 2) { status.textContent = ""; return; }
    var found = 0;
    for (var i = 0; i < index.length && found < 50; i++) {
      var entry = index[i];
      var at = entry[2].toLowerCase().indexOf(wanted);
      if (at < 0) { continue; }
      found += 1;
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.className = "govuk-link";
      link.href = entry[0];
      link.textContent = entry[1];
      var text = document.createElement("p");
      text.className = "govuk-body-s";
      var start = Math.max(0, at - 80);
      var end = Math.min(entry[2].length, at + wanted.length + 80);
      text.appendChild(document.createTextNode((start > 0 ? "… " : "") + entry[2].slice(start, at)));
      var mark = document.createElement("mark");
      mark.textContent = entry[2].slice(at, at + wanted.length);
      text.appendChild(mark);
      text.appendChild(document.createTextNode(entry[2].slice(at + wanted.length, end) + (end < entry[2].length ? " …" : "")));
      item.appendChild(link);
      item.appendChild(text);
      list.appendChild(item);
    }
    status.textContent = found === 0 ? "No paragraph holds it." : found + (found === 50 ? " or more" : "") + " found.";
  }

  input.addEventListener("input", function () { show(input.value); });
  if (input.value) { show(input.value); }
})();
