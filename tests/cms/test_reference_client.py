"""The reference client is served with a strict policy and only the configured endpoints."""


def test_served_with_a_strict_content_security_policy(client, db):
    for path in ("/reference-client/", "/reference-client/client.js"):
        response = client.get(path)
        assert response.status_code == 200
        csp = response["Content-Security-Policy"]
        assert "default-src 'none'" in csp and "script-src 'self'" in csp
        assert "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert "require-trusted-types-for 'script'" in csp
        assert "connect-src 'self'" in csp
        assert response["Referrer-Policy"] == "no-referrer"


def test_configured_endpoints_are_listed_and_allowed(client, db, settings):
    settings.REFERENCE_CLIENT_ENDPOINTS = [
        "https://cms.example/graphql/",
        'https://x.example/"><script>alert(1)</script>',
        "javascript:alert(1)",
    ]
    response = client.get("/reference-client/")
    html = response.content.decode()
    assert "<script>alert(1)" not in html and "javascript:" not in html
    assert 'content="https://cms.example/graphql/ https://x.example/&quot;&gt;' in html
    assert (
        "connect-src 'self' https://cms.example https://x.example"
        in (response["Content-Security-Policy"])
    )


def test_the_client_never_assigns_html_strings():
    from cms.reference_client import CLIENT_DIR

    script = (CLIENT_DIR / "client.js").read_text()
    assert "innerHTML" not in script and "outerHTML" not in script
    assert "insertAdjacentHTML" not in script and "document.write" not in script
