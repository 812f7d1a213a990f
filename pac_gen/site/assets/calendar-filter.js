/*
 * pac_gen cohort calendar filter: shows one learner's or one plan's events only.
 *
 * At a cohort's size the merged calendar is unreadable; templates/calendar.html gives
 * each event of the cohort calendar a `data-p` (its plan's number) and writes a
 * `<select>` whose options list the plans each one keeps (`data-p="3 4"`). The control
 * is `hidden` in the HTML: without this script the page is the whole calendar, as
 * before (progressive enhancement). The choice is kept in the address
 * (`#plan=camille/boutique`, or `#plan=camille/` for a learner's plans), so a
 * filtered calendar can be shared or bookmarked; month anchors (`#mois-…`) still work.
 *
 * Loaded on every page (extra_javascript); does nothing where there is no filter.
 * Material's instant navigation swaps pages without reloading scripts: set-up follows
 * `document$`, as in charts.js.
 */
(function () {
  "use strict";

  if (window.__pacCalendarFilter) {
    return;
  }
  window.__pacCalendarFilter = true;

  var PREFIX = "#plan=";

  function chosenKey() {
    var hash = window.location.hash;
    if (hash.indexOf(PREFIX) !== 0) {
      return null; // no choice in the address (or a month anchor): keep the current one
    }
    try {
      return decodeURIComponent(hash.slice(PREFIX.length));
    } catch (e) {
      return "";
    }
  }

  function apply(box, select) {
    var calendar = box.closest(".pac-calendar");
    var option = select.options[select.selectedIndex];
    var wanted = option && option.value ? (option.getAttribute("data-p") || "").split(" ") : null;
    var keep = {};
    (wanted || []).forEach(function (p) { keep[p] = true; });
    var shown = 0;
    calendar.querySelectorAll(".pac-cal-events > .pac-cal-ev").forEach(function (event) {
      var visible = !wanted || keep[event.getAttribute("data-p")] === true;
      event.hidden = !visible;
      if (visible) {
        shown += 1;
      }
    });
    // A day (on phones, the list of days) and a month without a visible event read as empty.
    calendar.querySelectorAll(".pac-cal-day").forEach(function (day) {
      day.classList.toggle("pac-cal-empty", !day.querySelector(".pac-cal-ev:not([hidden])"));
    });
    calendar.querySelectorAll(".pac-cal-month").forEach(function (month) {
      var none = month.querySelector(".pac-cal-none");
      if (none) {
        none.hidden = Boolean(month.querySelector(".pac-cal-events > .pac-cal-ev:not([hidden])"));
      }
    });
    calendar.classList.toggle("pac-cal-one", Boolean(wanted) && wanted.length === 1);
    var status = box.querySelector(".pac-cal-filter-status");
    var page = box.querySelector(".pac-cal-filter-page");
    var who = option ? option.textContent : "";
    if (wanted) {
      var text = shown ? status.getAttribute("data-shown") : status.getAttribute("data-none");
      status.textContent = text.replace("{n}", String(shown)).replace("{who}", function () { return who; });  // a function: "$&" in a title stays as written
    } else {
      status.textContent = "";
    }
    var href = option ? option.getAttribute("data-href") : null;
    page.hidden = !href;
    if (href) {
      page.setAttribute("href", href);
    } else {
      page.removeAttribute("href");
    }
  }

  function choose(box, select, key) {
    var found = Array.prototype.some.call(select.options, function (option, index) {
      if (option.value === key) {
        select.selectedIndex = index;
        return true;
      }
      return false;
    });
    if (!found) {
      select.selectedIndex = 0; // a plan no longer published: the whole cohort
    }
    apply(box, select);
  }

  function setUp() {
    document.querySelectorAll("[data-pac-cal-filter]").forEach(function (box) {
      var select = box.querySelector("select");
      if (!select || box.getAttribute("data-ready")) {
        return;
      }
      box.setAttribute("data-ready", "1");
      box.hidden = false;
      select.addEventListener("change", function () {
        var value = select.value;
        var address = window.location.pathname + window.location.search + (value ? PREFIX + encodeURIComponent(value).replace(/%2F/g, "/") : "");
        window.history.replaceState(window.history.state, "", address);
        apply(box, select);
      });
      var key = chosenKey();
      if (key !== null) {
        choose(box, select, key);
      } else if (select.value) {
        apply(box, select); // the browser kept a choice (back button)
      }
    });
  }

  window.addEventListener("hashchange", function () {
    var key = chosenKey();
    if (key === null) {
      return;
    }
    document.querySelectorAll("[data-pac-cal-filter]").forEach(function (box) {
      choose(box, box.querySelector("select"), key);
    });
  });

  function start() {
    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(setUp);
    } else {
      setUp();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
