// Dateline's pages work without this script; it adds completions as one
// types, a live search inside facets, dragging across the histogram to
// pick dates, and "/" to focus the search box.
"use strict";

(function () {
  // debounce returns fn delayed until ms have passed without a new call.
  function debounce(fn, ms) {
    var t;
    return function () {
      var args = arguments;
      clearTimeout(t);
      t = setTimeout(function () { fn.apply(null, args); }, ms);
    };
  }

  // getJSON fetches a JSON answer; a failure resolves to null, so that a
  // lost request only means no completions.
  function getJSON(url) {
    return fetch(url, { headers: { Accept: "application/json" } })
      .then(function (r) { return r.ok ? r.json() : null; })
      .catch(function () { return null; });
  }

  function el(tag, cls, text) {
    var e = document.createElement(tag);
    if (cls) e.className = cls;
    if (text !== undefined) e.textContent = text;
    return e;
  }

  // "/" focuses the search box, unless one is typing somewhere already.
  document.addEventListener("keydown", function (ev) {
    if (ev.key !== "/" || ev.ctrlKey || ev.metaKey || ev.altKey) return;
    var t = ev.target;
    if (t && (t.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(t.tagName))) return;
    var q = document.getElementById("q");
    if (q) { ev.preventDefault(); q.focus(); q.select(); }
  });

  // Facet values are links drawn as checkboxes; Space toggles them as it
  // toggles a checkbox (Enter follows the link anyway).
  document.addEventListener("keydown", function (ev) {
    var t = ev.target;
    if (ev.key === " " && t && t.getAttribute && t.getAttribute("role") === "checkbox" && t.tagName === "A") {
      ev.preventDefault();
      t.click();
    }
  });

  // Completions for the search box: a listbox under it, fed by
  // /api/suggest; speakers and places filter, titles open the article.
  function setupSuggest() {
    var input = document.getElementById("q");
    var list = document.getElementById("suggestions");
    if (!input || !list) return;
    var items = [], active = -1, seq = 0;
    var labels = { speaker: "Speaker", region: "Place", title: "Article" };

    function close() {
      list.hidden = true;
      input.setAttribute("aria-expanded", "false");
      input.removeAttribute("aria-activedescendant");
      active = -1;
    }
    function target(s) {
      if (s.kind === "title") return "/articles/" + encodeURIComponent(s.id);
      var p = new URLSearchParams();
      p.set(s.kind, s.value);
      return "/?" + p.toString();
    }
    function render(sugs) {
      list.textContent = "";
      items = sugs || [];
      if (!items.length) { close(); return; }
      items.forEach(function (s, i) {
        var li = el("li", "suggestion");
        li.id = "suggestion-" + i;
        li.setAttribute("role", "option");
        li.setAttribute("aria-selected", "false");
        li.appendChild(el("span", "kind kind-" + s.kind, labels[s.kind] || s.kind));
        li.appendChild(el("span", "value", s.value));
        if (s.count) li.appendChild(el("span", "count", String(s.count)));
        li.addEventListener("mousedown", function (ev) {
          ev.preventDefault();
          window.location.assign(target(s));
        });
        list.appendChild(li);
      });
      list.hidden = false;
      input.setAttribute("aria-expanded", "true");
    }
    function highlight(i) {
      var lis = list.querySelectorAll("li");
      lis.forEach(function (li, j) { li.setAttribute("aria-selected", j === i ? "true" : "false"); });
      active = i;
      if (i >= 0 && lis[i]) input.setAttribute("aria-activedescendant", lis[i].id);
      else input.removeAttribute("aria-activedescendant");
    }
    var lookup = debounce(function (text) {
      var mine = ++seq;
      if (!text.trim()) { render([]); return; }
      getJSON("/api/suggest?q=" + encodeURIComponent(text)).then(function (r) {
        if (mine !== seq || document.activeElement !== input) return;
        render(r && r.suggestions);
      });
    }, 120);

    input.addEventListener("input", function () { lookup(input.value); });
    input.addEventListener("blur", function () { setTimeout(close, 100); });
    input.addEventListener("keydown", function (ev) {
      if (list.hidden) return;
      if (ev.key === "ArrowDown") { ev.preventDefault(); highlight((active + 1) % items.length); }
      else if (ev.key === "ArrowUp") { ev.preventDefault(); highlight((active - 1 + items.length) % items.length); }
      else if (ev.key === "Escape") { close(); }
      else if (ev.key === "Enter" && active >= 0) { ev.preventDefault(); window.location.assign(target(items[active])); }
    });
  }

  // A live search inside each facet: the list is redrawn from
  // /api/facets/{name} as one types, with links that add the value.
  function setupFacetSearch() {
    document.querySelectorAll("section.facet[data-facet]").forEach(function (section) {
      var name = section.getAttribute("data-facet");
      var input = section.querySelector("input[type=search]");
      var ul = section.querySelector("ul");
      if (!input || !ul) return;
      var seq = 0;
      var here = new URLSearchParams(window.location.search);
      var selected = here.getAll(name);
      var redraw = debounce(function () {
        var mine = ++seq;
        var p = new URLSearchParams();
        ["q", "speaker", "region", "from", "to"].forEach(function (k) {
          here.getAll(k).forEach(function (v) { p.append(k, v); });
        });
        p.set("prefix", input.value);
        p.set("size", "50");
        getJSON("/api/facets/" + name + "?" + p.toString()).then(function (r) {
          if (mine !== seq || !r) return;
          ul.textContent = "";
          if (!r.values.length) { ul.appendChild(el("li", "empty", "None starting with “" + input.value + "”")); return; }
          r.values.forEach(function (v) {
            var on = selected.indexOf(v.value) >= 0;
            var next = new URLSearchParams(window.location.search);
            next.delete("page"); next.delete("after"); next.delete(name + "_prefix");
            if (on) {
              next.delete(name);
              selected.forEach(function (s) { if (s !== v.value) next.append(name, s); });
            } else {
              next.append(name, v.value);
            }
            var li = el("li", on ? "selected" : "");
            var a = el("a");
            a.href = "/?" + next.toString();
            a.setAttribute("role", "checkbox");
            a.setAttribute("aria-checked", on ? "true" : "false");
            var box = el("span", "box"); box.setAttribute("aria-hidden", "true");
            a.appendChild(box);
            a.appendChild(el("span", "value", v.value));
            a.appendChild(document.createTextNode(" "));
            a.appendChild(el("span", "count", String(v.count)));
            li.appendChild(a);
            ul.appendChild(li);
          });
        });
      }, 120);
      input.addEventListener("input", redraw);
    });
  }

  // The quotes form completes speakers from the speaker facet.
  function setupSpeakerField() {
    document.querySelectorAll("input[data-facet-suggest]").forEach(function (input) {
      var list = document.getElementById(input.getAttribute("list"));
      var facet = input.getAttribute("data-facet-suggest");
      if (!list) return;
      input.addEventListener("input", debounce(function () {
        getJSON("/api/facets/" + facet + "?size=10&prefix=" + encodeURIComponent(input.value)).then(function (r) {
          if (!r) return;
          list.textContent = "";
          r.values.forEach(function (v) {
            var o = el("option");
            o.value = v.value;
            list.appendChild(o);
          });
        });
      }, 120));
    });
  }

  // Dragging across histogram bars selects their dates; a click on one
  // bar follows its own link.
  function setupHistogram() {
    document.querySelectorAll("figure.histogram svg").forEach(function (svg) {
      var bars = Array.prototype.slice.call(svg.querySelectorAll("a.bar"));
      var from = -1, to = -1, dragged = false;
      function barAt(ev) {
        var hit = document.elementFromPoint(ev.clientX, ev.clientY);
        var a = hit && hit.closest ? hit.closest("a.bar") : null;
        return a ? bars.indexOf(a) : -1;
      }
      function paint() {
        var lo = Math.min(from, to), hi = Math.max(from, to);
        bars.forEach(function (b, i) { b.classList.toggle("ranging", from >= 0 && i >= lo && i <= hi); });
      }
      svg.addEventListener("pointerdown", function (ev) {
        var i = barAt(ev);
        if (i < 0 || ev.button !== 0) return;
        from = to = i;
        dragged = false;
        paint();
      });
      svg.addEventListener("pointermove", function (ev) {
        if (from < 0) return;
        var i = barAt(ev);
        if (i >= 0 && i !== to) { to = i; dragged = dragged || to !== from; paint(); }
      });
      function finish() {
        if (from < 0) return;
        if (dragged) {
          var lo = Math.min(from, to), hi = Math.max(from, to);
          var p = new URLSearchParams(window.location.search);
          p.delete("page"); p.delete("after");
          if (svg.closest(".speaker-view")) {
            p = new URLSearchParams();
            p.set("speaker", document.querySelector(".speaker-view h1").textContent);
          }
          p.set("from", bars[lo].getAttribute("data-start"));
          p.set("to", bars[hi].getAttribute("data-end"));
          window.location.assign("/?" + p.toString());
        }
        from = to = -1;
        paint();
      }
      svg.addEventListener("pointerup", finish);
      svg.addEventListener("pointerleave", function () { if (from >= 0 && !dragged) { from = to = -1; paint(); } });
      svg.addEventListener("click", function (ev) {
        if (dragged) { ev.preventDefault(); dragged = false; }
      });
      svg.addEventListener("dragstart", function (ev) { ev.preventDefault(); });
    });
  }

  function start() {
    setupSuggest();
    setupFacetSearch();
    setupSpeakerField();
    setupHistogram();
  }
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", start);
  else start();
})();
