// XLSForm logic in the browser: shows a question only when its `relevant` holds, offers only the
// choices its `choice_filter` lets through, and works out calculations as the person answers.
// The expressions arrive already parsed (by heard/questionnaires/expressions.py, whose docstring
// describes the tree); this file evaluates them with exactly the same semantics, and the shared
// cases in tests/questionnaires/expression_cases.json hold the two to it. Constraints are left to
// the server, which also does all of this when the page is sent without JavaScript.
(function () {
  "use strict";

  var XML_SPACE_RUN = /[ \t\r\n]+/g;
  var NUMBER_TEXT = /^-?(?:[0-9]+(?:\.[0-9]*)?|\.[0-9]+)$/;
  var ISO_DATE = /^([0-9]{4})-([0-9]{2})-([0-9]{2})$/;
  var LOOSE_DATE = /^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})(?:T[\s\S]*)?$/;
  var has = Object.prototype.hasOwnProperty;

  // Conversions ---------------------------------------------------------------------------------

  function trimSpace(text) {
    return text.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, "");
  }

  function repeat(text, count) {
    var out = "";
    for (var i = 0; i < count; i++) { out += text; }
    return out;
  }

  // Shortest round-trip digits (as Python's repr gives them), written out without an exponent.
  function numberText(x) {
    if (x !== x) { return "NaN"; }
    if (x === Infinity) { return "Infinity"; }
    if (x === -Infinity) { return "-Infinity"; }
    if (x === 0) { return "0"; }
    var text = String(x);
    var sign = "";
    if (text.charAt(0) === "-") { sign = "-"; text = text.slice(1); }
    var e = text.indexOf("e");
    if (e < 0) { return sign + text; }
    var mantissa = text.slice(0, e);
    var exponent = parseInt(text.slice(e + 1), 10);
    var point = mantissa.indexOf(".");
    var digits = mantissa.replace(".", "");
    var at = (point < 0 ? mantissa.length : point) + exponent;
    if (at <= 0) { return sign + "0." + repeat("0", -at) + digits; }
    if (at >= digits.length) { return sign + digits + repeat("0", at - digits.length); }
    return sign + digits.slice(0, at) + "." + digits.slice(at);
  }

  function toText(value) {
    if (typeof value === "boolean") { return value ? "true" : "false"; }
    if (typeof value === "string") { return value; }
    if (typeof value === "number") { return numberText(value); }
    if (value === null || value === undefined) { return ""; }
    if (Array.isArray(value)) { return value.map(toText).join(" "); }
    return String(value);
  }

  function asText(value) {
    if (typeof value === "number" && value !== value) { return ""; }
    return toText(value);
  }

  function isLeap(y) {
    return y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  }

  function validDate(y, m, d) {
    if (y < 1 || y > 9999 || m < 1 || m > 12 || d < 1) { return false; }
    var lengths = [31, isLeap(y) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
    return d <= lengths[m - 1];
  }

  // Days since 1970-01-01 in the proleptic Gregorian calendar (no Date object: no time zones).
  function daysFromCivil(y, m, d) {
    y -= m <= 2 ? 1 : 0;
    var era = Math.floor(y / 400);
    var yoe = y - era * 400;
    var doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
    var doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
    return era * 146097 + doe - 719468;
  }

  function civilFromDays(days) {
    var z = days + 719468;
    var era = Math.floor(z / 146097);
    var doe = z - era * 146097;
    var yoe = Math.floor(
      (doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365
    );
    var doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
    var mp = Math.floor((5 * doy + 2) / 153);
    var d = doy - Math.floor((153 * mp + 2) / 5) + 1;
    var m = mp < 10 ? mp + 3 : mp - 9;
    return [yoe + era * 400 + (m <= 2 ? 1 : 0), m, d];
  }

  var FIRST_DAY = daysFromCivil(1, 1, 1);
  var LAST_DAY = daysFromCivil(9999, 12, 31);

  function pad(n, width) {
    var text = String(n);
    return repeat("0", width - text.length) + text;
  }

  function isoDate(y, m, d) {
    return pad(y, 4) + "-" + pad(m, 2) + "-" + pad(d, 2);
  }

  function dayNumber(text) {
    var match = ISO_DATE.exec(text);
    if (!match) { return null; }
    var y = Number(match[1]), m = Number(match[2]), d = Number(match[3]);
    return validDate(y, m, d) ? daysFromCivil(y, m, d) : null;
  }

  // A name in an entry, as entries.py writes it: "age@2", and in a repeat inside another
  // "age@1.2" (a name already in an entry takes the numbers after its own).
  function entryName(name, path) {
    return name + (name.indexOf("@") >= 0 ? "." : "@") + path.join(".");
  }

  // ["entries", count | sum | min | max, question, repeat]: over the answers of a repeat's
  // entries ("amount@2"), the entry count under the repeat's name, as the server does it (in
  // an outer entry, both are that entry's: "amount@1", "items@1").
  function overEntries(node, ctx) {
    var count = toNumber(has.call(ctx.values, node[3]) ? ctx.values[node[3]] : null);
    count = isFinite(count) && count > 0 ? Math.floor(count) : 0;
    if (node[1] === "count") { return count; }
    if (node[1] === "count-non-empty" || node[1] === "join") {
      var texts = [];
      for (var e = 1; e <= count; e++) {
        var entry = entryName(node[2], [e]);
        texts.push(toText(has.call(ctx.values, entry) ? ctx.values[entry] : null));
      }
      if (node[1] === "join") { return texts.join(toText(ev(node[4], ctx))); }
      return texts.filter(function (t) { return t !== ""; }).length;
    }
    var numbers = [];
    for (var n = 1; n <= count; n++) {
      var key = entryName(node[2], [n]);
      numbers.push(toNumber(has.call(ctx.values, key) ? ctx.values[key] : null));
    }
    if (node[1] === "sum") {
      var total = 0;
      numbers.forEach(function (x) { total += x; });
      return total;
    }
    if (!numbers.length || numbers.some(function (x) { return x !== x; })) { return NaN; }
    return node[1] === "min" ? Math.min.apply(null, numbers) : Math.max.apply(null, numbers);
  }

  // instance('file')/root/item[predicate]/column: the column of the first row the predicate
  // holds for (a number stands for the row's position, as in XPath), or nothing.
  function lookUp(node, ctx) {
    var rows = has.call(ctx.data, node[1]) ? ctx.data[node[1]] : [];
    // Each [...] filters the rows the one before kept (the first at node[2], later ones at node[4]).
    var predicates = (node[2] ? [node[2]] : []).concat(node.length > 4 ? node[4] : []);
    for (var p = 0; p < predicates.length; p++) {
      var kept = [];
      for (var i = 0; i < rows.length; i++) {
        var held = ev(predicates[p], {
          values: ctx.values, current: ctx.current, choice: rows[i], today: ctx.today,
          data: ctx.data, position: i + 1
        });
        if (typeof held === "number" ? held === i + 1 : toBoolean(held)) { kept.push(rows[i]); }
      }
      rows = kept;
    }
    return rows.length ? toText(has.call(rows[0], node[3]) ? rows[0][node[3]] : null) : "";
  }

  // jr:choice-name()'s second argument, '${colour}', gives colour (checked when parsed).
  var QUOTED_REFERENCE = /^\s*\$\{([A-Za-z_][A-Za-z0-9_.-]*)\}\s*$/;

  function quotedQuestion(text) {
    var found = QUOTED_REFERENCE.exec(text);
    return found ? found[1] : "";
  }

  // ODK's pulldata(): the column of the first row whose matched column holds the key.
  function pull(rows, column, match, key) {
    for (var i = 0; i < rows.length; i++) {
      if (has.call(rows[i], match) && rows[i][match] === key) {
        return has.call(rows[i], column) ? rows[i][column] : "";
      }
    }
    return "";
  }

  // ODK's decimal-date-time(): days since 1970-01-01 UTC with the time as a fraction; a time
  // written without an offset is the local time (the server reads it the same way).
  var DATE_TIME = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(\.[0-9]+)?)?(Z|[+-][0-9]{2}:?[0-9]{2})?)?$/;

  function decimalDateTime(text) {
    if (NUMBER_TEXT.test(text)) { return Number(text); }
    var match = DATE_TIME.exec(text);
    if (!match) { return NaN; }
    var y = Number(match[1]), m = Number(match[2]), d = Number(match[3]);
    var hour = Number(match[4] || 0), minute = Number(match[5] || 0), second = Number(match[6] || 0);
    if (!validDate(y, m, d) || hour > 23 || minute > 59 || second > 59) { return NaN; }
    var days = daysFromCivil(y, m, d);
    if (match[4] === undefined) { return days; }
    var offset;
    if (match[8] === undefined) {
      offset = -new Date(y, m - 1, d, hour, minute, second).getTimezoneOffset() * 60;
    } else if (match[8] === "Z") {
      offset = 0;
    } else {
      var digits = match[8].slice(1).replace(":", "");
      offset = (Number(digits.slice(0, 2)) * 3600 + Number(digits.slice(2)) * 60) *
        (match[8].charAt(0) === "-" ? -1 : 1);
    }
    var seconds = hour * 3600 + minute * 60 + second + Number(match[7] || 0) - offset;
    return days + seconds / 86400;
  }

  function toNumber(value) {
    if (typeof value === "boolean") { return value ? 1 : 0; }
    if (typeof value === "number") { return value; }
    var text = trimSpace(toText(value));
    if (NUMBER_TEXT.test(text)) { return Number(text); }
    var days = dayNumber(text);
    return days === null ? NaN : days;
  }

  function toBoolean(value) {
    if (typeof value === "boolean") { return value; }
    if (typeof value === "number") { return !(value === 0 || value !== value); }
    return toText(value) !== "";
  }

  function dateText(day) {
    if (!isFinite(day)) { return ""; }
    var whole = Math.floor(day);
    if (whole < FIRST_DAY || whole > LAST_DAY) { return ""; }
    var civil = civilFromDays(whole);
    return isoDate(civil[0], civil[1], civil[2]);
  }

  function toDate(value) {
    if (typeof value === "boolean") { return ""; }
    if (typeof value === "number") { return dateText(value); }
    var text = trimSpace(value);
    if (NUMBER_TEXT.test(text)) { return dateText(Number(text)); }
    var match = LOOSE_DATE.exec(text);
    if (!match) { return ""; }
    var y = Number(match[1]), m = Number(match[2]), d = Number(match[3]);
    return validDate(y, m, d) ? isoDate(y, m, d) : "";
  }

  function localToday() {
    var now = new Date();
    return isoDate(now.getFullYear(), now.getMonth() + 1, now.getDate());
  }

  function tokens(value) {
    return toText(value).split(XML_SPACE_RUN).filter(function (item) { return item !== ""; });
  }

  // Evaluation ----------------------------------------------------------------------------------

  function equal(left, right) {
    if (typeof left === "boolean" || typeof right === "boolean") {
      return toBoolean(left) === toBoolean(right);
    }
    var x = toNumber(left), y = toNumber(right);
    if (x === x && y === y) { return x === y; }
    return toText(left) === toText(right);
  }

  function xpathRound(x) {
    return isFinite(x) ? Math.floor(x + 0.5) : x;
  }

  // Halves away from zero, with exact powers of ten only, as the Python side does.
  function roundTo(x, digits) {
    if (digits !== digits) { return NaN; }
    if (!isFinite(x)) { return x; }
    var places = digits > 22 ? 22 : digits < -22 ? -22 : Math.trunc(digits);
    var scale = 1;
    for (var i = 0; i < Math.abs(places); i++) { scale *= 10; }
    var scaled = places >= 0 ? x * scale : x / scale;
    if (Math.abs(scaled) >= 4503599627370496) { return x; }
    var rounded = Math.floor(Math.abs(scaled) + 0.5);
    if (scaled < 0 || (scaled === 0 && 1 / scaled < 0)) { rounded = -rounded; }
    return places >= 0 ? rounded / scale : rounded * scale;
  }

  // Strings are indexed by code point, like Python's str, not by UTF-16 unit.
  function substring(text, start, length) {
    var first = xpathRound(start);
    var end = length === undefined ? Infinity : first + xpathRound(length);
    var chars = Array.from(text);
    var out = "";
    for (var p = 1; p <= chars.length; p++) {
      if (p >= first && p < end) { out += chars[p - 1]; }
    }
    return out;
  }

  function translate(text, source, target) {
    var from = Array.from(source), to = Array.from(target), mapping = {};
    for (var i = 0; i < from.length; i++) {
      if (!has.call(mapping, from[i])) { mapping[from[i]] = i < to.length ? to[i] : ""; }
    }
    return Array.from(text).map(function (c) {
      return has.call(mapping, c) ? mapping[c] : c;
    }).join("");
  }

  function regex(text, pattern) {
    try {
      return new RegExp(pattern).test(text);
    } catch (error) {
      return false;
    }
  }

  var RELATIONAL = {
    "<": function (x, y) { return x < y; },
    "<=": function (x, y) { return x <= y; },
    ">": function (x, y) { return x > y; },
    ">=": function (x, y) { return x >= y; }
  };
  var ARITHMETIC = {
    "+": function (x, y) { return x + y; },
    "-": function (x, y) { return x - y; },
    "*": function (x, y) { return x * y; },
    "div": function (x, y) { return x / y; },
    "mod": function (x, y) { return x % y; }
  };

  // ODK's substr(): from start (counted from 0) up to end, not included; negative from the end.
  function substr(text, start, end) {
    var chars = Array.from(text);
    var size = chars.length;
    function index(x) {
      if (isNaN(x)) { return 0; }
      var at = isFinite(x) ? Math.trunc(x) : (x > 0 ? size : -size);
      if (at < 0) { at += size; }
      return Math.max(0, Math.min(size, at));
    }
    var first = index(start);
    var last = end === undefined ? size : index(end);
    return first < last ? chars.slice(first, last).join("") : "";
  }

  var MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
  var DAYS = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"];
  var MOMENT = /^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:T([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]{1,3}))?)?)?[\s\S]*$/;

  // ODK's format-date(), in English: the same text from the browser and the server.
  function formatDate(value, pattern) {
    var found = MOMENT.exec(value.replace(/^[ \t\r\n]+|[ \t\r\n]+$/g, ""));
    if (!found) { return ""; }
    var year = Number(found[1]), month = Number(found[2]), day = Number(found[3]);
    if (!validDate(year, month, day)) { return ""; }
    var weekday = (daysFromCivil(year, month, day) % 7 + 10) % 7;  // 1970-01-01 was a Thursday
    var hour = Number(found[4] || 0), minute = Number(found[5] || 0);
    var second = Number(found[6] || 0);
    var milli = Number(((found[7] || "0") + "00").slice(0, 3));
    var parts = {
      Y: pad(year, 4), y: pad(year % 100, 2), m: pad(month, 2), n: String(month),
      b: MONTHS[month - 1], d: pad(day, 2), e: String(day), a: DAYS[weekday],
      H: pad(hour, 2), h: String(hour), M: pad(minute, 2), S: pad(second, 2), 3: pad(milli, 3)
    };
    var out = "";
    for (var i = 0; i < pattern.length; i++) {
      var next = pattern.charAt(i + 1);
      if (pattern.charAt(i) === "%" && has.call(parts, next)) {
        out += parts[next];
        i++;
      } else {
        out += pattern.charAt(i);
      }
    }
    return out;
  }

  // The local date and time to the millisecond, with the offset, as ODK writes now().
  function nowText() {
    var d = new Date();
    var offset = -d.getTimezoneOffset();
    var sign = offset >= 0 ? "+" : "-";
    offset = Math.abs(offset);
    return pad(d.getFullYear(), 4) + "-" + pad(d.getMonth() + 1, 2) + "-" + pad(d.getDate(), 2) +
      "T" + pad(d.getHours(), 2) + ":" + pad(d.getMinutes(), 2) + ":" + pad(d.getSeconds(), 2) +
      "." + pad(d.getMilliseconds(), 3) + sign + pad(Math.floor(offset / 60), 2) + ":" +
      pad(offset % 60, 2);
  }

  function randomBytes(count) {
    var bytes = new Uint8Array(count);
    window.crypto.getRandomValues(bytes);
    return bytes;
  }

  function uuid4() {
    var b = randomBytes(16);
    b[6] = (b[6] & 0x0f) | 0x40;
    b[8] = (b[8] & 0x3f) | 0x80;
    var hex = Array.from(b, function (x) { return (x + 0x100).toString(16).slice(1); }).join("");
    return hex.slice(0, 8) + "-" + hex.slice(8, 12) + "-" + hex.slice(12, 16) + "-" +
      hex.slice(16, 20) + "-" + hex.slice(20);
  }

  function randomLetters(size) {
    var letters = "0123456789abcdefghijklmnopqrstuvwxyz";
    var count = isFinite(size) && size > 0 && size <= 256 ? Math.trunc(size) : 0;
    return Array.from(randomBytes(count), function (x) { return letters.charAt(x % 36); }).join("");
  }

  // checklist(): the amount is at least `fewest` and at most `most`, -1 meaning no limit.
  function within(amount, fewest, most) {
    return (fewest === -1 || amount >= fewest) && (most === -1 || amount <= most);
  }

  function call(name, args, ctx) {
    // The lazy ones first: only the branch taken is evaluated.
    if (name === "if") {
      return ev(toBoolean(ev(args[0], ctx)) ? args[1] : args[2], ctx);
    }
    if (name === "coalesce") {
      var first = ev(args[0], ctx);
      return toText(first) !== "" ? first : ev(args[1], ctx);
    }
    if (name === "indexed-repeat") {
      // The answer of one entry, under its entry name ("age@2"; "age@1.2" given the outer
      // entry's number too), as the server reads it.
      var path = [];
      for (var a = 2; a < args.length; a += 2) {
        var number = toNumber(ev(args[a], ctx));
        if (!(isFinite(number) && number >= 1 && number === Math.floor(number))) { return ""; }
        path.push(number);
      }
      var key = entryName(args[0][1], path);
      return toText(has.call(ctx.values, key) ? ctx.values[key] : null);
    }
    var v = args.map(function (arg) { return ev(arg, ctx); });
    var x, text, part, at;
    switch (name) {
      case "selected":
        return tokens(v[0]).indexOf(trimSpace(toText(v[1]))) >= 0;
      case "count-selected":
        return tokens(v[0]).length;
      case "selected-at":
        var items = tokens(v[0]);
        x = toNumber(v[1]);
        if (!isFinite(x)) { return ""; }
        at = Math.trunc(x);
        return at >= 0 && at < items.length ? items[at] : "";
      case "string-length":
        return Array.from(toText(v[0])).length;
      case "regex":
        return regex(toText(v[0]), toText(v[1]));
      case "today":
        return ctx.today;
      case "not":
        return !toBoolean(v[0]);
      case "true":
        return true;
      case "false":
        return false;
      case "boolean":
        return toBoolean(v[0]);
      case "boolean-from-string":
        text = trimSpace(toText(v[0]));
        return text === "true" || text === "1";
      case "number":
        return toNumber(v[0]);
      case "string":
        return toText(v[0]);
      case "int":
        return Math.trunc(toNumber(v[0]));
      case "round":
        return roundTo(toNumber(v[0]), v.length > 1 ? toNumber(v[1]) : 0);
      case "concat":
        return v.map(toText).join("");
      case "contains":
        return toText(v[0]).indexOf(toText(v[1])) >= 0;
      case "starts-with":
        return toText(v[0]).startsWith(toText(v[1]));
      case "ends-with":
        return toText(v[0]).endsWith(toText(v[1]));
      case "substring-before":
      case "substring-after":
        text = toText(v[0]);
        part = toText(v[1]);
        at = text.indexOf(part);
        if (at < 0) { return ""; }
        return name === "substring-before" ? text.slice(0, at) : text.slice(at + part.length);
      case "substring":
        return substring(toText(v[0]), toNumber(v[1]), v.length > 2 ? toNumber(v[2]) : undefined);
      case "normalize-space":
        return toText(v[0]).replace(XML_SPACE_RUN, " ").replace(/^ | $/g, "");
      case "translate":
        return translate(toText(v[0]), toText(v[1]), toText(v[2]));
      case "min":
        return Math.min.apply(null, v.map(toNumber));
      case "max":
        return Math.max.apply(null, v.map(toNumber));
      case "abs":
        return Math.abs(toNumber(v[0]));
      case "floor":
        return Math.floor(toNumber(v[0]));
      case "ceiling":
        return Math.ceil(toNumber(v[0]));
      case "date":
        return toDate(v[0]);
      case "pow":
        return Math.pow(toNumber(v[0]), toNumber(v[1]));
      case "substr":
        return substr(toText(v[0]), toNumber(v[1]), v.length > 2 ? toNumber(v[2]) : undefined);
      case "format-date":
        return formatDate(toText(v[0]), toText(v[1]));
      case "once":
        // The answer already there, if any: what once() worked out stays as it was.
        text = toText(ctx.current);
        return text !== "" ? text : v[0];
      case "count":  // one answer, not a repeat's (the server sends a repeat's as "entries")
        return 1;
      case "sum":
        return toNumber(v[0]);
      case "position":
        // In a repeat the server sends the entry's number instead; outside one, ODK gives 1.
        return 1;
      case "jr:choice-name":
        // The labels come in the data, rows of name and label in the page's language, under
        // "${question}" (expressions.choice_labels_key); an unknown name gives nothing.
        return pull(ctx.data["${" + quotedQuestion(toText(v[1])) + "}"] || [], "label", "name",
          toText(v[0]));
      case "pulldata":
        return pull(ctx.data[trimSpace(toText(v[0]))] || [], trimSpace(toText(v[1])),
          trimSpace(toText(v[2])), toText(v[3]));
      case "count-non-empty":  // one answer, not a repeat's (the server sends "entries")
        return toText(v[0]) !== "" ? 1 : 0;
      case "join":
        return v.slice(1).map(toText).join(toText(v[0]));
      case "checklist":
        return within(v.slice(2).filter(toBoolean).length, toNumber(v[0]), toNumber(v[1]));
      case "weighted-checklist":
        var pairs = v.slice(2), total = 0;
        if (pairs.length % 2) { return false; }  // a yes/no without its weight, as ODK treats it
        for (var p = 0; p < pairs.length; p += 2) {
          if (toBoolean(pairs[p])) { total += toNumber(pairs[p + 1]); }
        }
        return within(total, toNumber(v[0]), toNumber(v[1]));
      case "sqrt": return Math.sqrt(toNumber(v[0]));
      case "exp": return Math.exp(toNumber(v[0]));
      case "exp10": return Math.pow(10, toNumber(v[0]));
      case "log": return Math.log(toNumber(v[0]));
      case "log10": return Math.log10(toNumber(v[0]));
      case "sin": return Math.sin(toNumber(v[0]));
      case "cos": return Math.cos(toNumber(v[0]));
      case "tan": return Math.tan(toNumber(v[0]));
      case "asin": return Math.asin(toNumber(v[0]));
      case "acos": return Math.acos(toNumber(v[0]));
      case "atan": return Math.atan(toNumber(v[0]));
      case "atan2": return Math.atan2(toNumber(v[0]), toNumber(v[1]));
      case "pi": return Math.PI;
      case "decimal-date-time":
        return decimalDateTime(trimSpace(toText(v[0])));
      case "now":
        return nowText();
      case "random":
        return Math.random();
      case "uuid":
        return v.length ? randomLetters(toNumber(v[0])) : uuid4();
      default:
        throw new Error("unknown function " + name + "()");
    }
  }

  function ev(node, ctx) {
    switch (node[0]) {
      case "num":
        return Number(node[1]);
      case "str":
        return String(node[1]);
      case "ref":
        return toText(has.call(ctx.values, node[1]) ? ctx.values[node[1]] : null);
      case "cur":
        return toText(ctx.current);
      case "col":
        return toText(ctx.choice && has.call(ctx.choice, node[1]) ? ctx.choice[node[1]] : null);
      case "lookup":
        return lookUp(node, ctx);
      case "rowpos":  // position() in a lookup's [...]: the row's place among those it filters
        return ctx.position || 1;
      case "entries":
        return overEntries(node, ctx);
      case "neg":
        return -toNumber(ev(node[1], ctx));
      case "bin":
        var op = node[1];
        if (op === "or") { return toBoolean(ev(node[2], ctx)) || toBoolean(ev(node[3], ctx)); }
        if (op === "and") { return toBoolean(ev(node[2], ctx)) && toBoolean(ev(node[3], ctx)); }
        var left = ev(node[2], ctx), right = ev(node[3], ctx);
        if (op === "=") { return equal(left, right); }
        if (op === "!=") { return !equal(left, right); }
        if (has.call(RELATIONAL, op)) { return RELATIONAL[op](toNumber(left), toNumber(right)); }
        return ARITHMETIC[op](toNumber(left), toNumber(right));
      case "call":
        return call(node[1], node[2], ctx);
      default:
        throw new Error("not an expression node: " + JSON.stringify(node));
    }
  }

  // opts: {current, choice, today ("YYYY-MM-DD", default the local date)}
  // The attached data files pulldata() reads on this page: only the columns the form's
  // pulldata() calls use, as the server sends them.
  var pageData = {};

  function evaluate(node, values, opts) {
    var o = opts || {};
    return ev(node, {
      values: values || {},
      current: o.current,
      choice: o.choice || null,
      today: o.today || localToday(),
      data: o.data || pageData
    });
  }

  window.HeardLogic = { evaluate: evaluate, toBoolean: toBoolean, asText: asText };

  // The page -------------------------------------------------------------------------------------

  function each(list, fn) {
    Array.prototype.forEach.call(list, fn);
  }

  // A read_only expression that cannot be worked out locks nothing (as on the server).
  function isLocked(node, values, current) {
    try {
      return toBoolean(evaluate(node, values, { current: current }));
    } catch (error) {
      return false;
    }
  }

  // A broken expression must never hide a question: show it and let the server decide.
  function holds(node, values, opts) {
    if (!node) { return true; }
    try {
      return toBoolean(evaluate(node, values, opts));
    } catch (error) {
      return true;
    }
  }

  function start() {
    var source = document.getElementById("heard-logic");
    if (!source) { return; }
    var data;
    try {
      data = JSON.parse(source.textContent);
    } catch (error) {
      return;
    }
    if (!data || !data.fields) { return; }
    pageData = data.data || {};
    var fields = data.fields;
    // Other pages' answers, and each repeat's entry count under its name (for count(), sum()).
    var known = Object.assign({}, data.values || {}, data.counts || {});
    var names = Object.keys(fields);
    var rankNames = names.filter(function (name) { return fields[name].type === "rank"; });

    // Why a control is off ("relevant", "filter", "read_only"). The server renders a question
    // that does not apply, or a choice its filter leaves out, hidden with its controls disabled,
    // and a question its read_only expression locks with its controls disabled; any other
    // control it disabled stays disabled. A locked control still holds its answer.
    var off = new WeakMap();
    var disabledByServer = new WeakSet();
    // Field names come from the form's author: keep them clear of Object.prototype.
    var controls = Object.create(null);  // field name -> its form controls, in document order
    each(document.querySelectorAll("input[name], select[name], textarea[name]"), function (el) {
      off.set(el, {});
      var name = el.name;
      if (!has.call(fields, name)) {
        name = null;
        rankNames.forEach(function (rank) {
          if (el.name.indexOf(rank + "__") === 0) { name = rank; }
        });
        if (name === null) { return; }
      }
      (controls[name] = controls[name] || []).push(el);
    });

    function setOff(el, reason, value) {
      var reasons = off.get(el);
      if (!reasons) { return; }
      reasons[reason] = value;
      el.disabled = disabledByServer.has(el) ||
        Boolean(reasons.relevant || reasons.filter || reasons.read_only);
    }

    function markOff(container, reason) {
      each(controlsOf(container), function (el) {
        if (!off.has(el)) { off.set(el, {}); }
        off.get(el)[reason] = true;
      });
    }

    function isOff(el) {
      var reasons = off.get(el);
      return Boolean(reasons && (reasons.relevant || reasons.filter));
    }

    var questions = [];
    each(document.querySelectorAll("[data-question]"), function (el) {
      var name = el.getAttribute("data-question");
      if (!has.call(fields, name)) { return; }
      var choices = [];
      each(el.querySelectorAll("[data-choice]"), function (choiceEl) {
        var columns = {};
        try {
          columns = JSON.parse(choiceEl.getAttribute("data-filters") || "{}") || {};
        } catch (error) {
          columns = {};
        }
        columns.name = choiceEl.getAttribute("data-choice");
        choices.push({ el: choiceEl, columns: columns, shown: !choiceEl.hidden });
        if (choiceEl.hidden) { markOff(choiceEl, "filter"); }
      });
      var locked = el.hasAttribute("data-locked");
      questions.push({
        name: name, field: fields[name], el: el, choices: choices, relevant: !el.hidden,
        locked: locked
      });
      if (el.hidden) { markOff(el, "relevant"); }
      if (locked) { markOff(el, "read_only"); }
    });
    each(document.querySelectorAll("input, select, textarea, option"), function (el) {
      var reasons = off.get(el);
      if (el.disabled && !isOff(el) && !(reasons && reasons.read_only)) {
        disabledByServer.add(el);
      }
    });
    var questionByName = Object.create(null);
    questions.forEach(function (q) { questionByName[q.name] = q; });

    function readRank(name, els) {
      var order = [];
      for (var i = 0; i < els.length; i++) {
        var position = Number(els[i].value);
        if (!(position >= 1 && position <= els.length && position === Math.floor(position))) {
          return undefined;
        }
        order.push([position, els[i].name.slice(name.length + 2)]);
      }
      order.sort(function (a, b) { return a[0] - b[0]; });
      for (var j = 0; j < order.length; j++) {
        if (order[j][0] !== j + 1) { return undefined; }  // a position given twice
      }
      return order.length ? order.map(function (pair) { return pair[1]; }) : undefined;
    }

    // The answer as the form holds it now, or undefined for none (not relevant counts as none).
    function readField(name) {
      var q = questionByName[name];
      if (q && !q.relevant) { return undefined; }
      var els = (controls[name] || []).filter(function (el) { return !isOff(el); });
      var type = fields[name].type;
      if (type === "rank") { return readRank(name, els); }
      var picked = [];
      els.forEach(function (el) {
        if (el.type === "checkbox" || el.type === "radio") {
          if (el.checked) { picked.push(el.value); }
        } else if (el.tagName === "SELECT") {
          each(el.options, function (option) {
            if (option.selected && !option.disabled && option.value !== "") {
              picked.push(option.value);
            }
          });
        } else if (el.type === "file") {
          // A file chosen now, else the one sent before unless its "remove" box is ticked.
          var removing = document.getElementById(el.id + "-remove");
          var file = el.files && el.files.length ? el.files[0].name
            : (removing && removing.checked ? "" : el.getAttribute("data-value") || "");
          if (file !== "") { picked.push(file); }
        } else if (el.value !== "") {
          picked.push(el.value);
        }
      });
      if (!picked.length) { return undefined; }
      return type === "select_multiple" ? picked : picked[0];
    }

    function store(values, name, value) {
      if (value === undefined) { delete values[name]; } else { values[name] = value; }
    }

    function readValues() {
      var values = Object.assign({}, known);
      names.forEach(function (name) {
        // A read-only question has no control: its value comes with the page, or is worked out.
        if (fields[name].read_only) { return; }
        if (controls[name] || questionByName[name]) { store(values, name, readField(name)); }
      });
      return values;
    }

    function calculate(values) {
      for (var round = 0; round < 2; round++) {
        names.forEach(function (name) {
          var field = fields[name];
          // A calculate row, or a question worked out by its own calculation (shown read-only).
          if (!field.calculation) { return; }
          if (!holds(field.relevant, values, { current: values[name] })) {
            delete values[name];
            return;
          }
          try {
            values[name] = asText(evaluate(field.calculation, values, { current: values[name] }));
          } catch (error) {
            delete values[name];
          }
        });
      }
      names.forEach(function (name) {
        if (fields[name].type !== "calculate") { return; }
        (controls[name] || []).forEach(function (el) {
          var text = has.call(values, name) ? values[name] : "";
          if (el.type === "hidden" && el.value !== text) { el.value = text; }
        });
      });
    }

    function controlsOf(el) {
      if (el.matches("input, select, textarea, option")) { return [el]; }
      return el.querySelectorAll("input, select, textarea, option");
    }

    // The server asks the respondent about a question only once they have seen it: it reads
    // the "shown" list, so a question brought in here is added to it (and removed on hiding).
    function markShown(name, seen) {
      var form = document.querySelector("form.questionnaire-page");
      if (!form) { return; }
      var existing = null;
      each(form.querySelectorAll("input[type=hidden][name=shown]"), function (el) {
        if (el.value === name) { existing = el; }
      });
      if (seen && !existing) {
        var input = document.createElement("input");
        input.type = "hidden";
        input.name = "shown";
        input.value = name;
        form.appendChild(input);
      } else if (!seen && existing) {
        existing.parentNode.removeChild(existing);
      }
    }

    function showQuestion(q, relevant) {
      q.relevant = relevant;
      q.el.hidden = !relevant;
      each(controlsOf(q.el), function (el) { setOff(el, "relevant", !relevant); });
      markShown(q.name, relevant);
    }

    // A control back to what the page came with (the answer the server holds).
    function restoreDefault(el) {
      if (el.type === "checkbox" || el.type === "radio") {
        el.checked = el.defaultChecked;
      } else if (el.tagName === "OPTION") {
        el.selected = el.defaultSelected;
      } else if (el.tagName === "SELECT") {
        each(el.options, function (option) { option.selected = option.defaultSelected; });
      } else if (el.type !== "file" && el.type !== "hidden") {
        el.value = el.defaultValue;
      }
    }

    function showChoice(choice, shown) {
      choice.shown = shown;
      choice.el.hidden = !shown;
      each(controlsOf(choice.el), function (el) {
        if (!off.has(el)) { off.set(el, {}); }
        setOff(el, "filter", !shown);
        if (!shown) {
          if (el.tagName === "OPTION") { el.selected = false; } else { el.checked = false; }
        }
      });
    }

    // The words a respondent reads for an answer on this page: a choice's label, not its name.
    function shownText(name, values) {
      if (!has.call(values, name)) { return ""; }
      var type = fields[name].type;
      if (type === "acknowledge") { return "\u2713"; }
      var value = values[name];
      if (type !== "select_one" && type !== "select_multiple" && type !== "rank") {
        return toText(value);
      }
      var labels = Object.create(null);
      (controls[name] || []).forEach(function (el) {
        if (el.tagName === "SELECT") {
          each(el.options, function (option) { labels[option.value] = option.textContent; });
        } else {
          var label = el.id ? document.querySelector("label[for='" + el.id + "']") : null;
          if (label) { labels[el.value] = label.textContent.trim(); }
        }
      });
      var list = Array.isArray(value) ? value : [value];
      var words = list.map(function (item) { return has.call(labels, item) ? labels[item] : item; });
      if (type === "rank") {
        return words.map(function (word, i) { return (i + 1) + ". " + word; }).join(" ; ");
      }
      return words.join(", ");
    }

    // ${name} in a label or hint shows that answer: kept current for the answers on this page
    // (the server filled in those from other pages).
    function pipe(values) {
      each(document.querySelectorAll("[data-pipe]"), function (span) {
        var name = span.getAttribute("data-pipe");
        if (!has.call(fields, name) || !(controls[name] || fields[name].calculation)) {
          return;
        }
        var text = shownText(name, values);
        if (span.textContent !== text) { span.textContent = text; }
      });
    }

    // A trigger: when one of these answers changes, the question is set to its calculation (or
    // cleared), as ODK's setvalue does; the respondent may change it afterwards.
    var triggered = names.filter(function (name) {
      return fields[name].trigger && fields[name].trigger.length;
    });
    var lastSeen = null;

    function setControl(name, value) {
      var text = value === undefined ? "" : asText(value);
      var picked = tokens(text);
      (controls[name] || []).forEach(function (el) {
        if (el.type === "radio" || el.type === "checkbox") {
          el.checked = picked.indexOf(el.value) >= 0;
        } else if (el.tagName === "SELECT") {
          each(el.options, function (option) { option.selected = option.value === text; });
        } else if (el.type !== "hidden" && el.type !== "file") {
          el.value = text;  // a file input takes no value from a script
        }
      });
    }

    function fireTriggers() {
      if (!triggered.length) { return; }
      var values = readValues();
      calculate(values);
      if (lastSeen !== null) {
        triggered.forEach(function (name) {
          var field = fields[name];
          var changed = field.trigger.some(function (ref) {
            return JSON.stringify(values[ref]) !== JSON.stringify(lastSeen[ref]);
          });
          if (!changed) { return; }
          var value;
          try {
            value = field.calculation ? evaluate(field.calculation, values, {}) : undefined;
          } catch (error) {
            value = undefined;
          }
          setControl(name, value);
        });
      }
      lastSeen = readValues();
    }

    // Relevance may depend on questions further down, so repeat until nothing changes.
    function update() {
      fireTriggers();
      for (var pass = 0; pass < 5; pass++) {
        var values = readValues();
        calculate(values);
        var changed = false;
        questions.forEach(function (q) {
          var current = has.call(values, q.name) ? values[q.name] : null;
          var relevant = holds(q.field.relevant, values, { current: current });
          if (relevant !== q.relevant) {
            changed = true;
            showQuestion(q, relevant);
            store(values, q.name, readField(q.name));
          }
          if (q.field.read_only_if) {
            var locked = isLocked(q.field.read_only_if, values, current);
            if (locked !== q.locked) {
              q.locked = locked;
              changed = true;
              each(controlsOf(q.el), function (el) {
                // The server keeps the answer the question had when the page came: show it.
                if (locked) { restoreDefault(el); }
                setOff(el, "read_only", locked);
              });
              store(values, q.name, readField(q.name));
            }
          }
          if (!q.field.choice_filter) { return; }
          var filtered = false;
          q.choices.forEach(function (choice) {
            var shown = holds(
              q.field.choice_filter, values, { current: current, choice: choice.columns }
            );
            if (shown !== choice.shown) {
              filtered = true;
              showChoice(choice, shown);
            }
          });
          if (filtered) {
            changed = true;
            store(values, q.name, readField(q.name));
          }
        });
        if (!changed) { break; }
      }
      var shown = readValues();
      calculate(shown);
      pipe(shown);
      // A section's heading goes with its questions (whose conditions include the section's).
      var sections = data.sections || {};
      each(document.querySelectorAll("[data-section]"), function (el) {
        var name = el.getAttribute("data-section");
        if (!has.call(sections, name)) { return; }
        var hide = !holds(sections[name], shown, {});
        if (el.hidden !== hide) { el.hidden = hide; }
      });
      // So do a repeat's entry headings and its add and remove buttons.
      var repeats = data.repeats || {};
      each(document.querySelectorAll("[data-repeat]"), function (el) {
        var name = el.getAttribute("data-repeat");
        if (!has.call(repeats, name)) { return; }
        var hide = !holds(repeats[name], shown, {});
        if (el.hidden !== hide) { el.hidden = hide; }
        each(el.querySelectorAll("button"), function (button) { button.disabled = hide; });
      });
    }

    document.addEventListener("input", update);
    document.addEventListener("change", update);
    document.addEventListener("reset", function () { window.setTimeout(update, 0); });
    update();
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
