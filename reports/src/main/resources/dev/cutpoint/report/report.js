"use strict";
// The page's behaviour: list a cell's cases on click, tell a case as a timeline, copy a replay
// command. Text from the report only ever goes into textContent, never into markup.
(function () {
  var PAGE = 100;
  var ORDER = ["VIOLATION", "UNDECIDED", "FAILED_LOUDLY", "AFTER_RESEND", "FIRST_TRY"];
  var LABEL = {
    FIRST_TRY: "first try", AFTER_RESEND: "after resend", FAILED_LOUDLY: "failed loudly",
    UNDECIDED: "undecided", VIOLATION: "violation"
  };
  var data = null;
  var byCell = null;
  var byId = null;

  function load() {
    if (data === null) {
      data = JSON.parse(document.getElementById("cutpoint-data").textContent);
      byCell = new Map();
      byId = new Map();
      data.cases.forEach(function (c) {
        if (!byCell.has(c.cell)) byCell.set(c.cell, []);
        byCell.get(c.cell).push(c);
        byId.set(c.id, c);
      });
      byCell.forEach(function (list) {
        list.sort(function (a, b) { return ORDER.indexOf(a.outcome) - ORDER.indexOf(b.outcome); });
      });
    }
    return data;
  }

  function el(tag, className, text) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  }

  function outcomeClass(outcome, onlyExpected) {
    if (outcome === "VIOLATION" && onlyExpected) return "o-violation-expected";
    return "o-" + outcome.toLowerCase().replace(/_/g, "-");
  }

  function timeline(steps) {
    var list = el("ol", "timeline");
    steps.forEach(function (step) {
      list.appendChild(el("li", "step " + step[0], step[1]));
    });
    return list;
  }

  function replay(command, caseFile) {
    var box = el("div", "replay");
    var pre = el("pre");
    pre.appendChild(el("code", null, command));
    box.appendChild(pre);
    var copy = el("button", "copy", "Copy");
    copy.type = "button";
    box.appendChild(copy);
    var fragment = document.createDocumentFragment();
    fragment.appendChild(box);
    var file = el("p", "casefile", "case file ");
    file.appendChild(el("code", null, caseFile));
    fragment.appendChild(file);
    return fragment;
  }

  function caseItem(c, open) {
    var item = el("li");
    item.dataset.case = c.id;
    var details = el("details");
    var summary = el("summary");
    summary.appendChild(el("span", "caseid", c.id));
    summary.appendChild(el("span", "badge " + outcomeClass(c.outcome, c.onlyExpected),
        LABEL[c.outcome] + (c.onlyExpected ? " (expected)" : "")));
    c.violations.forEach(function (v) {
      var tag = el("span", "inv", v.invariant);
      tag.title = v.reproduced === null ? v.title : v.title + " · " + v.reproduced;
      summary.appendChild(tag);
    });
    summary.appendChild(el("span", "req", c.requests));
    details.appendChild(summary);
    // the body is built when first opened: a cell may hold thousands of cases
    details.addEventListener("toggle", function () {
      if (details.open && !details.querySelector(".body")) {
        var body = el("div", "body");
        body.appendChild(el("p", "where", "seed " + c.seed + " · " + c.fault));
        body.appendChild(timeline(c.steps));
        body.appendChild(replay(c.replay, c.caseFile));
        details.appendChild(body);
      }
    });
    item.appendChild(details);
    if (open) details.open = true;
    return item;
  }

  function showCell(button, openCase) {
    load();
    var panel = document.getElementById(button.getAttribute("aria-controls"));
    var table = button.closest("table");
    table.querySelectorAll("button[aria-expanded=true]").forEach(function (b) {
      if (b !== button) b.setAttribute("aria-expanded", "false");
    });
    if (button.getAttribute("aria-expanded") === "true" && !openCase) {
      button.setAttribute("aria-expanded", "false");
      panel.hidden = true;
      panel.textContent = "";
      return;
    }
    button.setAttribute("aria-expanded", "true");
    var cases = byCell.get(button.dataset.cell) || [];
    panel.textContent = "";
    panel.hidden = false;
    var heading = el("h3");
    heading.appendChild(el("span", null, button.dataset.label));
    heading.appendChild(el("span", "sub", cases.length + (cases.length === 1 ? " case" : " cases")));
    var close = el("button", "close", "Close");
    close.type = "button";
    close.addEventListener("click", function () {
      button.setAttribute("aria-expanded", "false");
      panel.hidden = true;
      panel.textContent = "";
      button.focus();
    });
    heading.appendChild(close);
    panel.appendChild(heading);

    var filters = el("div", "filters");
    filters.setAttribute("role", "group");
    filters.setAttribute("aria-label", "Show cases by outcome");
    var list = el("ul", "caselist");
    var more = el("button", "more");
    more.type = "button";
    var shown = [];
    var count = 0;

    function render(filter) {
      shown = filter ? cases.filter(function (c) { return c.outcome === filter; }) : cases;
      list.textContent = "";
      count = 0;
      page();
    }
    function page() {
      var until = Math.min(shown.length, count + PAGE);
      for (; count < until; count++) {
        list.appendChild(caseItem(shown[count], openCase && shown[count].id === openCase));
      }
      more.hidden = count >= shown.length;
      more.textContent = "Show " + Math.min(PAGE, shown.length - count) + " more of " + (shown.length - count);
    }
    function filterButton(label, filter, pressed) {
      var b = el("button", null, label);
      b.type = "button";
      b.setAttribute("aria-pressed", pressed ? "true" : "false");
      b.addEventListener("click", function () {
        filters.querySelectorAll("button").forEach(function (x) { x.setAttribute("aria-pressed", "false"); });
        b.setAttribute("aria-pressed", "true");
        render(filter);
      });
      filters.appendChild(b);
    }
    filterButton("all " + cases.length, null, true);
    ORDER.forEach(function (outcome) {
      var n = cases.filter(function (c) { return c.outcome === outcome; }).length;
      if (n > 0) filterButton(LABEL[outcome] + " " + n, outcome, false);
    });
    more.addEventListener("click", page);
    panel.appendChild(filters);
    panel.appendChild(list);
    panel.appendChild(more);
    render(null);
    if (openCase) {
      var target = list.querySelector("li[data-case=\"" + CSS.escape(openCase) + "\"]");
      if (target) target.scrollIntoView({ block: "center" });
    }
  }

  function moreFindings(button) {
    load();
    var all = [];
    [true, false].forEach(function (fresh) {
      data.cases.forEach(function (c) {
        c.violations.forEach(function (v) {
          if ((v.expectedBy === null) === fresh) all.push({ c: c, v: v });
        });
      });
    });
    var box = document.getElementById("findings");
    all.slice(Number(button.dataset.shown)).forEach(function (f) {
      var article = el("article", "finding " + (f.v.expectedBy === null ? "new" : "expected"));
      article.dataset.case = f.c.id;
      var h = el("h3");
      h.appendChild(el("span", "inv", f.v.invariant));
      h.appendChild(document.createTextNode(" " + f.v.title + " "));
      h.appendChild(el("span", "tag " + (f.v.expectedBy === null ? "new" : "expected"),
          f.v.expectedBy === null ? "new" : "expected"));
      article.appendChild(h);
      var where = el("p", "where", "case " + f.c.id + " · " + f.c.cell.split("|").join(" · ") + " · seed " + f.c.seed);
      if (f.v.reproduced !== null) {
        where.appendChild(document.createTextNode(" · "));
        where.appendChild(el("strong", "reproduced", f.v.reproduced));
      }
      article.appendChild(where);
      article.appendChild(el("p", "evidence", f.v.text));
      if (f.v.expectedBy !== null) article.appendChild(el("p", "expected-by", "Expected by " + f.v.expectedBy));
      article.appendChild(timeline(f.c.steps));
      article.appendChild(replay(f.c.replay, f.c.caseFile));
      box.appendChild(article);
    });
    button.parentNode.removeChild(button);
  }

  function copy(button) {
    var code = button.parentNode.querySelector("code");
    var text = code.textContent;
    function done(ok) {
      button.textContent = ok ? "Copied" : "Select + copy";
      setTimeout(function () { button.textContent = "Copy"; }, 1500);
    }
    if (navigator.clipboard && navigator.clipboard.writeText) {
      navigator.clipboard.writeText(text).then(function () { done(true); }, function () { select(code); done(false); });
    } else {
      select(code);
      done(false);
    }
  }

  function select(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    var selection = window.getSelection();
    selection.removeAllRanges();
    selection.addRange(range);
  }

  function fromHash() {
    var hash = decodeURIComponent(location.hash.replace(/^#/, "").replace(/\+/g, " "));
    var cell = null;
    var openCase = null;
    if (hash.indexOf("cell=") === 0) {
      cell = hash.slice(5);
    } else if (hash.indexOf("case=") === 0) {
      openCase = hash.slice(5);
      load();
      var c = byId.get(openCase);
      if (!c) return;
      cell = c.cell;
    } else {
      return;
    }
    var button = Array.prototype.find.call(document.querySelectorAll("table.heat button[data-cell]"),
        function (b) { return b.dataset.cell === cell; });
    if (button) {
      showCell(button, openCase);
      if (!openCase) button.scrollIntoView({ block: "center" });
    }
  }

  document.addEventListener("click", function (event) {
    var target = event.target.closest("button");
    if (!target) return;
    if (target.dataset.cell) showCell(target, null);
    else if (target.classList.contains("copy")) copy(target);
    else if (target.id === "more-findings") moreFindings(target);
  });
  window.addEventListener("hashchange", fromHash);
  document.documentElement.dataset.ready = "true";
  fromHash();
})();
