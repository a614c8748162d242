/*
 * The salary table editor: the table's currency beside each amount, and under each row the
 * strings readers will see ("$125,000–$175,000", "+20–40%"), updated as the editor types.
 *
 * The rules mirror roles/salary.py (format_range, money, SalaryRow), which the API uses; the
 * currency symbols come from there too (data-salary-table-symbols-value on the table's form).
 * Two Stimulus controllers on Wagtail's own application, so rows and tables added after the
 * page loads get theirs when they appear. Templates: roles/templates/roles/admin/salary_*.html.
 */
(() => {
  const EN_DASH = "\u2013";
  const NOTHING = "\u2014"; // shown where the API answers null

  /** format_range: 'low–high', 'low+' or 'up to high'; null when both ends are empty. */
  function formatRange(low, high, { fmt = String, prefix = "", suffix = "" } = {}) {
    if (low === null && high === null) return null;
    if (high === null) return `${prefix}${fmt(low)}+${suffix}`;
    if (low === null) return `up to ${prefix}${fmt(high)}${suffix}`;
    if (low === high) return `${prefix}${fmt(low)}${suffix}`;
    return `${prefix}${fmt(low)}${EN_DASH}${fmt(high)}${suffix}`;
  }

  /** Python's f"{amount:,}" on a whole number given as its digits. */
  function grouped(digits) {
    return digits.replace(/\B(?=(\d{3})+(?!\d))/g, ",");
  }

  /** money: the symbol before each amount, or the code and a space for a code without one. */
  function money(currency, symbols) {
    const symbol = Object.hasOwn(symbols, currency) ? symbols[currency] : `${currency} `;
    return (amount) => `${symbol}${grouped(amount)}`;
  }

  /** Why a string cannot be shown yet: the save would be refused. */
  class Problem {
    constructor(message) {
      this.message = message;
    }
  }
  const NOT_WHOLE = new Problem("check the figures: whole numbers only");
  const NO_CURRENCY = new Problem("choose the table's currency");

  /** An amount as Django's IntegerField reads it: its digits ("007" and "7.0" are 7), or null. */
  function amount(text) {
    if (text.trim() === "") return null;
    const match = /^\s*(\d+)(?:\.0*)?\s*$/.exec(text);
    return match ? match[1].replace(/^0+(?=\d)/, "") : NOT_WHOLE;
  }

  /** The display strings of one row, as SalaryRow computes them for the API. */
  function displays(values, currency, symbols) {
    const range = (low, high, options) => {
      const ends = [amount(values[low]), amount(values[high])];
      const problem = ends.find((end) => end instanceof Problem);
      return problem || formatRange(ends[0], ends[1], options);
    };
    const moneyRange = (low, high, suffix = "") => {
      if (!currency && amount(values[low]) === null && amount(values[high]) === null) return null;
      if (!currency) return NO_CURRENCY;
      return range(low, high, { fmt: money(currency, symbols), suffix });
    };
    const years = range("experience_min_years", "experience_max_years");
    const level = values.level.trim();
    let levelDisplay = level;
    if (years instanceof Problem) levelDisplay = years;
    else if (years) levelDisplay = `${level} (${years} yrs)`;
    return {
      levelDisplay,
      baseSalaryDisplay: moneyRange("base_salary_min", "base_salary_max"),
      equityBonusDisplay: range("equity_bonus_percent_min", "equity_bonus_percent_max", {
        prefix: "+",
        suffix: "%",
      }),
      internMonthlyDisplay: moneyRange("intern_monthly_min", "intern_monthly_max", "/mo"),
    };
  }

  function register() {
    const { Controller } = window.StimulusModule;

    class SalaryTableController extends Controller {
      static targets = ["currency"];
      static values = { symbols: Object };

      get currency() {
        const select = this.hasCurrencyTarget && this.currencyTarget.querySelector("select");
        return select ? select.value : "";
      }

      refreshRows() {
        for (const element of this.element.querySelectorAll("[data-controller~='salary-row']")) {
          this.application.getControllerForElementAndIdentifier(element, "salary-row")?.update();
        }
      }
    }

    class SalaryRowController extends Controller {
      static targets = ["field", "currency", "display"];

      connect() {
        this.update();
      }

      /** The table this row belongs to: its currency and symbols (read from its form). */
      table() {
        const element = this.element.closest("[data-controller~='salary-table']");
        const controller =
          element && this.application.getControllerForElementAndIdentifier(element, "salary-table");
        if (controller) return { currency: controller.currency, symbols: controller.symbolsValue };
        const select = element?.querySelector("[data-salary-table-target='currency'] select");
        const symbols = element?.dataset.salaryTableSymbolsValue;
        return { currency: select ? select.value : "", symbols: symbols ? JSON.parse(symbols) : {} };
      }

      update() {
        const { currency, symbols } = this.table();
        const values = {};
        for (const field of this.fieldTargets) {
          const input = field.querySelector("input, select, textarea");
          values[field.dataset.name] = input ? input.value : "";
        }
        for (const target of this.currencyTargets) {
          target.textContent = currency || "?";
          target.title = currency ? "" : "Choose the table's currency";
        }
        const shown = displays(values, currency, symbols);
        for (const output of this.displayTargets) {
          const text = shown[output.dataset.display];
          const problem = text instanceof Problem;
          output.classList.toggle("salary-row__problem", problem);
          if (problem) output.textContent = text.message;
          else output.textContent = text === null || text === "" ? NOTHING : text;
        }
      }
    }

    window.wagtail.app.register("salary-table", SalaryTableController);
    window.wagtail.app.register("salary-row", SalaryRowController);
  }

  if (window.StimulusModule && window.wagtail?.app) {
    register();
  } else {
    document.addEventListener("DOMContentLoaded", register, { once: true });
  }
})();
