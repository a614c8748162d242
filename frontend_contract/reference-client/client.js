// Reference client for the role guide API. Plain JavaScript, no build step.
(function () {
  "use strict";

  const GUIDE_FIELDS = `
    fragment GuideFields on RoleGuidePage {
      title roleName year intro
      heroImage { width height srcSet(sizes: [640, 1280, 1920], format: "webp") }
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
  const app = document.getElementById("app");

  // The API is this server's /graphql/, or one of the endpoints the server lists in
  // <meta name="api-endpoints"> (REFERENCE_CLIENT_ENDPOINTS). Any other ?endpoint= is refused:
  // a crafted link must not send preview tokens elsewhere or render another server's HTML.
  const DEFAULT_ENDPOINT = new URL("/graphql/", window.location.href).href;

  function allowedEndpoints() {
    const meta = document.querySelector('meta[name="api-endpoints"]');
    const listed = (meta && meta.content ? meta.content : "").split(/\s+/).filter(Boolean);
    return [DEFAULT_ENDPOINT].concat(listed.map((url) => new URL(url, window.location.href).href));
  }

  function chosenEndpoint(requested) {
    if (!requested) return DEFAULT_ENDPOINT;
    let url;
    try {
      url = new URL(requested, window.location.href);
    } catch (error) {
      return null;
    }
    return allowedEndpoints().includes(url.href) ? url.href : null;
  }

  const endpoint = chosenEndpoint(params.get("endpoint"));

  // Rich text is sanitised by the API; it is sanitised here again before it reaches the page,
  // by rebuilding it from an allow-list; HTML strings are never assigned (Trusted Types forbid it).
  const RICH_TEXT_TAGS = new Set([
    "P", "BR", "H2", "H3", "H4", "H5", "H6", "B", "I", "STRONG", "EM", "U", "S", "CODE",
    "SUB", "SUP", "BLOCKQUOTE", "OL", "UL", "LI", "HR", "A",
  ]);
  const DROPPED_WITH_CONTENT = new Set([
    "SCRIPT", "STYLE", "TEMPLATE", "IFRAME", "OBJECT", "EMBED", "NOSCRIPT", "TITLE", "SVG", "MATH",
  ]);
  const parsingPolicy = window.trustedTypes
    ? window.trustedTypes.createPolicy("reference-client", { createHTML: (markup) => markup })
    : { createHTML: (markup) => markup };

  function safeHref(href) {
    // Links may go to http(s) addresses, mail and phone; never javascript:, data: or the like.
    if (href === null || href === undefined) return null;
    try {
      const url = new URL(href, window.location.href);
      return ["http:", "https:", "mailto:", "tel:"].includes(url.protocol) ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  function safeImageUrl(url) {
    // Images only from http(s) addresses (this server's /media/ included); never data:,
    // blob: or javascript:, and nothing that could split a srcset candidate.
    try {
      const parsed = new URL(url, window.location.href);
      if (!["http:", "https:"].includes(parsed.protocol)) return null;
      return /[\s,]/.test(parsed.href) ? null : parsed.href;
    } catch (error) {
      return null;
    }
  }

  function heroImage(image) {
    // The API's srcSet ("https://…/a.webp 640w, https://…/b.webp 1280w") is checked candidate
    // by candidate and set as attributes of an <img> made here: no HTML string is involved.
    if (!image || !image.srcSet) return null;
    const candidates = [];
    image.srcSet.split(/,\s+/).forEach((candidate) => {
      const [url, descriptor, extra] = candidate.trim().split(/\s+/);
      const href = safeImageUrl(url);
      if (href && /^\d+w$/.test(descriptor || "") && extra === undefined) {
        candidates.push({ href: href, width: parseInt(descriptor, 10) });
      }
    });
    if (!candidates.length) return null;
    candidates.sort((a, b) => a.width - b.width);
    const img = document.createElement("img");
    img.className = "hero";
    img.alt = ""; // decorative: the guide's title follows as its heading
    img.srcset = candidates.map((c) => c.href + " " + c.width + "w").join(", ");
    img.sizes = "(max-width: 46rem) 100vw, 46rem";
    img.src = candidates[0].href;
    if (image.width > 0 && image.height > 0) {
      img.width = image.width;
      img.height = image.height;
    }
    img.decoding = "async";
    return img;
  }

  function copyAllowed(source, target) {
    source.childNodes.forEach((node) => {
      if (node.nodeType === Node.TEXT_NODE) {
        target.append(document.createTextNode(node.data));
      } else if (node.nodeType === Node.ELEMENT_NODE) {
        const tag = node.tagName.toUpperCase();
        if (DROPPED_WITH_CONTENT.has(tag)) return;
        if (!RICH_TEXT_TAGS.has(tag)) {
          copyAllowed(node, target); // unknown element: keep its text
          return;
        }
        const copy = document.createElement(tag.toLowerCase());
        if (tag === "A") {
          const href = safeHref(node.getAttribute("href"));
          if (href) copy.setAttribute("href", href);
        }
        copyAllowed(node, copy);
        target.append(copy);
      }
    });
  }

  function sanitisedFragment(markup) {
    // DOMParser builds an inert document: nothing in it loads or runs.
    const parsed = new DOMParser().parseFromString(
      parsingPolicy.createHTML(String(markup || "")), "text/html");
    const fragment = document.createDocumentFragment();
    copyAllowed(parsed.body, fragment);
    return fragment;
  }

  function el(tag, text, attrs) {
    const node = document.createElement(tag);
    if (text !== undefined && text !== null) node.textContent = text;
    Object.entries(attrs || {}).forEach(([key, value]) => node.setAttribute(key, value));
    return node;
  }

  function html(tag, markup) {
    // Rich text: sanitised by the CMS, and rebuilt here from an allow-list.
    const node = document.createElement(tag);
    node.append(sanitisedFragment(markup));
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
      const href = safeHref(b.href);
      if (href) box.append(el("a", b.buttonLabel, { href: href }));
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
    const hero = heroImage(guide.heroImage);
    if (hero) app.append(hero);
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
    if (!endpoint) {
      showError("This API endpoint is not allowed here.", "ENDPOINT_NOT_ALLOWED");
      return;
    }
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
        credentials: "omit", // the API needs no cookies; an editor's session is never sent
        referrerPolicy: "no-referrer", // the preview token is in this page's address
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
