"""HTML the API and the server-rendered pages serve is sanitised, however it was stored.

Rich text written outside the admin's editor (the shell, an import, a migration) reaches the
database as it is. Every way out of the CMS (the `RichText` scalar, FAQ answers, JSON-LD,
Wagtail's rich text rendering in server-rendered pages) passes it through nh3.
"""

import json
from html.parser import HTMLParser

import pytest
from django.core.management import call_command

from roles.demo import mlops_engineer_2026 as demo
from roles.models import RoleGuidePage
from tests.factories import guide_body, make_faq, make_guide

# Known XSS vectors, in the forms filters most often miss.
PAYLOADS = [
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<iframe src="javascript:alert(1)"></iframe>',
    "<iframe srcdoc='<script>alert(1)</script>'></iframe>",
    "<style>@import 'https://evil.example/x.css';</style><p>styled</p>",
    '<a href="javascript:alert(1)">link</a>',
    '<a href="jav&#x09;ascript:alert(1)">link</a>',
    '<a href=" JaVaScRiPt:alert(1)">link</a>',
    '<a href="java\nscript:alert(1)">link</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">link</a>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">link</a>',
    '<a href="vbscript:msgbox(1)">link</a>',
    '<p onclick="alert(1)" style="background:url(javascript:alert(1))">text</p>',
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    '<math href="javascript:alert(1)">x</math>',
    '<form action="javascript:alert(1)"><button formaction="javascript:alert(1)">go</button>'
    "</form>",
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    '<object data="javascript:alert(1)"></object><embed src="javascript:alert(1)">',
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
]
DANGEROUS_TAGS = {
    "script",
    "iframe",
    "svg",
    "math",
    "style",
    "form",
    "input",
    "button",
    "object",
    "embed",
    "base",
    "meta",
    "link",
    "img",
    "details",
    "noscript",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "data", "xlink:href", "srcdoc"}


class _Collector(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.problems = []

    def handle_starttag(self, tag, attrs):
        if tag in DANGEROUS_TAGS:
            self.problems.append(f"<{tag}>")
        for name, value in attrs:
            if name.startswith("on") or name == "style":
                self.problems.append(f"{tag}@{name}")
            elif name in URL_ATTRIBUTES:
                # As a browser reads a URL: entities decoded, control characters and spaces gone.
                url = "".join(ch for ch in (value or "") if ord(ch) > 32).lower()
                if url.startswith(("javascript:", "vbscript:", "data:")) or name == "srcdoc":
                    self.problems.append(f"{tag}@{name}={value!r}")

    handle_startendtag = handle_starttag


def xss_problems(html):
    """What in `html` could run script or load content in a browser (empty when safe)."""
    collector = _Collector()
    collector.feed(html)
    collector.close()
    return collector.problems


def test_the_checker_sees_every_payload():
    assert all(xss_problems(payload) for payload in PAYLOADS)


SECTION_QUERY = """
query($slug: String) { roleGuide(slug: $slug) {
  body {
    ... on SectionBlock { body }
    ... on FaqBlock { entries { answer } }
  }
  seo { structuredData }
} }
"""


@pytest.fixture
def hostile_guide(roles_index):
    """A guide with every payload as a section, and as a FAQ answer, written as an import would."""
    faqs = [make_faq(f"Q{n}?", answer=f"<p>Answer {n}</p>{p}") for n, p in enumerate(PAYLOADS)]
    body = [
        {"type": "section", "value": {"heading": f"S{n}", "body": f"<p>Text {n}</p>{p}"}}
        for n, p in enumerate(PAYLOADS)
    ]
    # Two FAQ blocks: the API serves at most 20 entries of one block.
    for half in (faqs[:13], faqs[13:]):
        body += [block for block in guide_body(faqs=half) if block["type"] == "faq"]
    return make_guide(roles_index, "hostile", body=body)


def test_no_payload_passes_through_the_api(gql, hostile_guide):
    guide = gql(SECTION_QUERY, {"slug": "hostile"})["roleGuide"]
    sections = [block for block in guide["body"] if "body" in block]
    assert len(sections) == len(PAYLOADS)
    passing = []
    for n, (payload, block) in enumerate(zip(PAYLOADS, sections, strict=True)):
        if xss_problems(block["body"]):
            passing.append((payload, block["body"]))
        assert f"Text {n}" in block["body"]
    answers = [entry["answer"] for block in guide["body"][-2:] for entry in block["entries"]]
    passing += [(p, a) for p, a in zip(PAYLOADS, answers, strict=True) if xss_problems(a)]
    assert passing == []
    graph = json.loads(guide["seo"]["structuredData"])["@graph"]
    faq_page = next(node for node in graph if node["@type"] == "FAQPage")
    texts = [question["acceptedAnswer"]["text"] for question in faq_page["mainEntity"]]
    assert [text for text in texts if xss_problems(text)] == []


def test_faq_entries_root_field_is_sanitised(gql, db):
    for n, payload in enumerate(PAYLOADS):
        make_faq(f"Q{n}?", answer=f"<p>Answer {n}</p>{payload}")
    entries = gql("{ faqEntries { answer } }")["faqEntries"]
    assert len(entries) == len(PAYLOADS)
    assert [entry["answer"] for entry in entries if xss_problems(entry["answer"])] == []


def test_server_rendered_page_is_sanitised(client, hostile_guide):
    response = client.get("/roles/hostile/")
    assert response.status_code == 200
    html = response.content.decode()
    main = html.split("<body>", 1)[1]
    assert xss_problems(main) == []
    assert "Text 0" in main and "Answer 0" in main


def test_editor_output_is_kept_intact(gql, db):
    """The demo guide's rich text, and what the editor writes for links, come out unchanged."""
    call_command("load_demo_content", stdout=open("/dev/null", "w"))  # noqa: SIM115
    guide = RoleGuidePage.objects.get(slug=demo.GUIDE["slug"])
    data = gql(SECTION_QUERY, {"slug": guide.slug})["roleGuide"]
    stored_sections = [b.value["body"].source for b in guide.body if b.block_type == "section"]
    served_sections = [block["body"] for block in data["body"] if "body" in block]
    assert served_sections == stored_sections and stored_sections
    stored_answers = [
        entry.answer
        for block in guide.body
        if block.block_type == "faq"
        for entry in block.value["entries"]
    ]
    served_answers = [
        entry["answer"]
        for block in data["body"]
        if "entries" in block
        for entry in block["entries"]
    ]
    assert served_answers == stored_answers and stored_answers


EDITOR_HTML = (
    '<h3 data-block-key="h1">Heading</h3><h4>Sub</h4>'
    '<p data-block-key="x9"><b>bold</b> <i>italic</i> '
    '<a href="https://example.com/x?a=1&amp;b=2">out</a> '
    '<a href="mailto:jobs@example.com">mail</a> <a linktype="page" id="{id}">in</a></p>'
    '<ol><li data-block-key="k1">one</li></ol><ul><li>two</li></ul>'
)


def test_editor_markup_and_page_links_are_kept(gql, roles_index):
    target = make_guide(roles_index, "target")
    html = EDITOR_HTML.format(id=target.pk)
    body = [{"type": "section", "value": {"heading": "H", "body": html}}]
    make_guide(roles_index, "links", body=body)
    served = gql(SECTION_QUERY, {"slug": "links"})["roleGuide"]["body"][0]["body"]
    assert served == html.replace(f'linktype="page" id="{target.pk}"', 'href="/roles/target/"')
