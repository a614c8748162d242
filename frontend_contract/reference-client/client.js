// Reference client for the role guide API. Plain JavaScript, no build step.
(function () {
  "use strict";

  const GUIDE_FIELDS = `
    fragment GuideFields on RoleGuidePage {
      title roleName year intro
      category { name }
      seo { title description }
      body {
        blockType
        ... on SectionBlock { heading body }
        ... on SkillsListBlock { heading skills { name tools { name } } }
        ... on DayInTheLifeBlock { heading moments { label narrative } }
        ... on CareerPathBlock { heading levels { title summary } }
        ... on SalaryTableBlock {
          heading sourceNote asOfYear
          rows { levelDisplay baseSalaryDisplay equityBonusDisplay internMonthlyDisplay }
        }
        ... on CompaniesHiringBlock { heading companies { name website } }
        ... on CallToActionBlock { heading text buttonLabel href }
        ... on FaqBlock { heading entries { question answer } }
      }
    }`;

  const LIVE_QUERY = `query LiveGuide($path: String!) {
      roleGuide(urlPath: $path) { ...GuideFields }
    }` + GUIDE_FIELDS;

  const PREVIEW_QUERY = `query PreviewPage($token: String!, $contentType: String) {
      page(token: $token, contentType: $contentType) { title ...GuideFields }
    }` + GUIDE_FIELDS;

  const params = new URLSearchParams(window.location.search);
  const endpoint = params.get("endpoint") || "/graphql/";
  const app = document.getElementById("app");

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  }

  function html(tag, markup) {
    // Rich text comes from the CMS already rendered and cleaned; links are resolved there.
    const node = document.createElement(tag);
    node.innerHTML = markup;
    return node;
  }

  const renderers = {
    SectionBlock: (b) => [el("h2", b.heading), html("div", b.body)],
    SkillsListBlock: (b) => {
      const list = el("ul");
      b.skills.forEach((skill) => {
        const item = el("li", skill.name);
        if (skill.tools.length) {
          item.append(" ", el("span", "(" + skill.tools.map((t) => t.name).join(", ") + ")", { class: "tools" }));
        }
        list.append(item);
      });
      return [el("h2", b.heading), list];
    },
    DayInTheLifeBlock: (b) => [el("h2", b.heading)].concat(
      b.moments.flatMap((m) => [el("h3", m.label), el("p", m.narrative)])),
    CareerPathBlock: (b) => {
      const list = el("ol");
      b.levels.forEach((level) => list.append(el("li", level.title)));
      return [el("h2", b.heading), list];
    },
    SalaryTableBlock: (b) => {
      const table = el("table");
      const head = el("tr");
      ["Level", "Base salary", "Total comp (with equity)", "Intern monthly"].forEach((h) => head.append(el("th", h)));
      table.append(head);
      b.rows.forEach((row) => {
        const tr = el("tr");
        [row.levelDisplay, row.baseSalaryDisplay,
          row.equityBonusDisplay ? row.equityBonusDisplay + " in equity/bonus" : null,
          row.internMonthlyDisplay].forEach((cell) => tr.append(el("td", cell || "—")));
        table.append(tr);
      });
      const nodes = b.heading ? [el("h2", b.heading), table] : [table];
      if (b.sourceNote) nodes.push(el("p", b.sourceNote + (b.asOfYear ? " " + b.asOfYear + " estimates." : "")));
      return nodes;
    },
    CompaniesHiringBlock: (b) => {
      if (!b.companies.length) return [];  // an empty list renders nothing
      const list = el("ul");
      b.companies.forEach((c) => list.append(el("li", c.name)));
      return [el("h2", b.heading), list];
    },
    CallToActionBlock: (b) => {
      const box = el("section", null, { class: "cta" });
      box.append(el("h2", b.heading), el("p", b.text));
      if (b.href) box.append(el("a", b.buttonLabel, { href: b.href }));
      return [box];
    },
    FaqBlock: (b) => {
      if (!b.entries.length) return [];
      return [el("h2", b.heading)].concat(
        b.entries.flatMap((e) => [el("h3", e.question), html("div", e.answer)]));
    },
  };

  function render(guide) {
    app.replaceChildren();
    document.title = (guide.seo && guide.seo.title) || guide.title;
    app.append(el("h1", guide.title));
    if (guide.intro) app.append(el("p", guide.intro, { class: "intro" }));
    (guide.body || []).forEach((block) => {
      const renderer = renderers[block.blockType];
      if (renderer) renderer(block).forEach((node) => app.append(node));
    });
  }

  function showError(message, code) {
    app.replaceChildren(el("p", message + (code ? " (" + code + ")" : ""), { class: "error", role: "alert" }));
  }

  async function load() {
    const token = params.get("token");
    const request = token
      ? { query: PREVIEW_QUERY, variables: { token: token, contentType: params.get("content_type") } }
      : { query: LIVE_QUERY, variables: { path: params.get("path") || "/roles/mlops-engineer-2026/" } };
    if (token) {
      const banner = document.getElementById("banner");
      banner.textContent = "Preview of unpublished changes. Only people with this link can see it, until the link expires.";
      banner.hidden = false;
    }
    try {
      const response = await fetch(endpoint, {
        method: "POST",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(request),
      });
      const body = await response.json();
      if (body.errors && body.errors.length) {
        const first = body.errors[0];
        showError(first.message, first.extensions && first.extensions.code);
        return;
      }
      const guide = token ? body.data.page : body.data.roleGuide;
      if (!guide) { showError("No role guide at this address.", "NOT_FOUND"); return; }
      render(guide);
    } catch (error) {
      showError("Could not reach the API: " + error.message);
    }
  }

  load();
})();
