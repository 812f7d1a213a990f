/*
 * pac_gen charts: draws every `div.pac-chart` of a page with plotly.js.
 *
 * Loaded on every page (extra_javascript); plotly.js itself (assets/pac_gen/plotly.min.js,
 * next to this file) is fetched only by pages that hold a chart, once per visit.
 * Each chart's figure is JSON in the div's `data-figure` attribute, as written by
 * pac_gen/charts.py: {data, layout, config, locale?}. (Not in a <script> element:
 * instant navigation re-creates inline scripts without their type and would run it.)
 *
 * Material's instant navigation swaps the page content without reloading scripts, so
 * drawing follows `document$` (emits on each page, back button included); the charts
 * of the previous page are purged first. The light/dark palette toggle changes
 * `data-md-color-scheme` on <body>: the charts take the new colours without a reload.
 */
(function () {
  "use strict";

  if (window.__pacCharts) {
    return; // already set up (the script was evaluated twice)
  }
  window.__pacCharts = true;

  var self = document.currentScript;
  var plotlyUrl = new URL("plotly.min.js", self && self.src ? self.src : document.baseURI).href;
  var plotlyPromise = null;
  var drawn = [];
  var locales = {};

  function loadPlotly() {
    if (window.Plotly) {
      return Promise.resolve(window.Plotly);
    }
    if (!plotlyPromise) {
      plotlyPromise = new Promise(function (resolve, reject) {
        var tag = document.createElement("script");
        tag.src = plotlyUrl;
        tag.async = true;
        tag.onload = function () { resolve(window.Plotly); };
        tag.onerror = function () {
          plotlyPromise = null; // let the next page try again
          reject(new Error("pac_gen: cannot load " + plotlyUrl));
        };
        document.head.appendChild(tag);
      });
    }
    return plotlyPromise;
  }

  function cssVar(name, fallback) {
    var value = getComputedStyle(document.body).getPropertyValue(name).trim();
    return value || fallback;
  }

  // The colours of the current palette, as a Plotly.relayout update for `layout`.
  function themeUpdate(layout) {
    var fg = cssVar("--md-default-fg-color", "rgba(0,0,0,0.87)");
    var grid = cssVar("--md-default-fg-color--lightest", "rgba(0,0,0,0.07)");
    var line = cssVar("--md-default-fg-color--lighter", "rgba(0,0,0,0.32)");
    var bg = cssVar("--md-default-bg-color", "#ffffff");
    var update = {
      "font.color": fg,
      "font.family": getComputedStyle(document.body).fontFamily,
      "title.font.color": fg,
      "legend.font.color": fg,
      "hoverlabel.bgcolor": bg,
      "hoverlabel.font.color": fg,
      "paper_bgcolor": "rgba(0,0,0,0)",
      "plot_bgcolor": "rgba(0,0,0,0)"
    };
    Object.keys(layout || {}).forEach(function (key) {
      if (/^[xy]axis\d*$/.test(key)) {
        update[key + ".gridcolor"] = grid;
        update[key + ".linecolor"] = line;
        update[key + ".zerolinecolor"] = line;
        update[key + ".tickfont.color"] = fg;
      }
    });
    return update;
  }

  function applyTheme(layout) {
    var update = themeUpdate(layout);
    Object.keys(update).forEach(function (path) {
      var parts = path.split(".");
      var node = layout;
      for (var i = 0; i < parts.length - 1; i++) {
        if (typeof node[parts[i]] !== "object" || node[parts[i]] === null) {
          node[parts[i]] = {};
        }
        node = node[parts[i]];
      }
      node[parts[parts.length - 1]] = update[path];
    });
    return layout;
  }

  function purge() {
    if (window.Plotly) {
      drawn.forEach(function (el) { window.Plotly.purge(el); });
    }
    drawn = [];
  }

  function readFigure(el) {
    var data = el.getAttribute("data-figure");
    if (!data) {
      return null;
    }
    try {
      return JSON.parse(data);
    } catch (error) {
      console.warn("pac_gen: unreadable chart data for #" + el.id, error);
      return null;
    }
  }

  // plotly.js adds its stylesheet (positions of its SVG layers, pointer events) to
  // <head> once, with insertRule. Material's instant navigation drops <style>
  // elements it did not ship, and without those rules the layers stack up and
  // swallow clicks on the page below: keep their text and put it back when gone.
  var plotlyStyles = {};

  function keepPlotlyStyles() {
    Array.prototype.forEach.call(document.querySelectorAll('style[id^="plotly.js-style-"]'), function (style) {
      if (style.sheet && style.sheet.cssRules.length) {
        plotlyStyles[style.id] = Array.prototype.map.call(style.sheet.cssRules, function (rule) {
          return rule.cssText;
        }).join("\n");
      }
    });
    Object.keys(plotlyStyles).forEach(function (id) {
      if (!document.getElementById(id)) {
        var copy = document.createElement("style");
        copy.id = id;
        copy.textContent = plotlyStyles[id];
        document.head.appendChild(copy);
      }
    });
  }

  function draw() {
    purge();
    var charts = Array.prototype.slice.call(document.querySelectorAll("div.pac-chart"));
    if (!charts.length) {
      return;
    }
    loadPlotly().then(function (Plotly) {
      keepPlotlyStyles();
      charts.forEach(function (el) {
        if (!el.isConnected) {
          return; // the reader navigated away while plotly.js was loading
        }
        var figure = readFigure(el);
        if (!figure) {
          return;
        }
        if (figure.locale && !locales[figure.locale.name]) {
          Plotly.register(figure.locale);
          locales[figure.locale.name] = true;
        }
        var config = Object.assign({}, figure.config || {}, { responsive: true, displaylogo: false });
        if (el.clientWidth < 600) {
          config.displayModeBar = false; // on a phone the toolbar would cover the chart's labels
        }
        if (config.locale && !locales[config.locale] && config.locale !== "en") {
          delete config.locale; // no such locale registered: plotly.js would warn
        }
        var layout = figure.layout || {};
        if (el.previousElementSibling && el.previousElementSibling.classList.contains("pac-chart-title")) {
          // The title is the HTML caption above, which wraps on a phone where
          // plotly's one-line title would be cut off.
          layout = Object.assign({}, layout, { title: { text: "" } });
          layout.margin = Object.assign({}, layout.margin || {}, { t: 24 });
        }
        // Coming back with the back button, Material may restore the page with the
        // previous drawing still inside the div: start from an empty one.
        el.textContent = "";
        Plotly.newPlot(el, figure.data || [], applyTheme(layout), config);
        drawn.push(el);
      });
      keepPlotlyStyles(); // the first drawing is when plotly.js writes its rules
    }).catch(function (error) {
      console.warn(error.message || error);
    });
  }

  function retheme() {
    if (!window.Plotly) {
      return;
    }
    drawn.forEach(function (el) {
      if (el.isConnected && el.layout) {
        window.Plotly.relayout(el, themeUpdate(el.layout));
      }
    });
  }

  function start() {
    new MutationObserver(function (mutations) {
      if (mutations.some(function (m) { return m.attributeName === "data-md-color-scheme"; })) {
        // Let Material's stylesheet switch its variables before reading them.
        window.requestAnimationFrame(retheme);
      }
    }).observe(document.body, { attributes: true, attributeFilter: ["data-md-color-scheme"] });

    if (window.document$ && typeof window.document$.subscribe === "function") {
      window.document$.subscribe(draw); // Material: every page, instant navigation included
    } else {
      draw();
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
