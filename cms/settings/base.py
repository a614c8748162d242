"""Settings shared by every environment. Everything that differs comes from the environment."""

import os
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent.parent
VAR_DIR = Path(os.environ.get("VAR_DIR", BASE_DIR / "var"))


def env_list(name, default=""):
    """A comma-separated environment variable as a list of non-empty strings."""
    return [item.strip() for item in os.environ.get(name, default).split(",") if item.strip()]


def env_percent(name, default):
    """A percentage from the environment (a number, at least 0); ImproperlyConfigured naming the
    variable when it is not one."""
    value = os.environ.get(name, str(default)).strip()
    try:
        percent = float(value)
    except ValueError:
        percent = None
    if percent is None or not 0 <= percent < float("inf"):
        raise ImproperlyConfigured(
            f"{name} must be a percentage of 0 or more, e.g. 30 (got {value!r})."
        )
    return percent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


SECRET_KEY = os.environ.get("SECRET_KEY", "")
DEBUG = False
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")

INSTALLED_APPS = [
    "home",
    "roles",
    "faqs",
    "cms",
    "cms.webhooks",
    "django_tasks",
    "django_tasks_db",
    "wagtail_headless_preview",
    "corsheaders",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    # After Wagtail's apps: grapple builds its types from the snippets they register.
    "grapple",
    "graphene_django",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "corsheaders.middleware.CorsMiddleware",
    "cms.ratelimits.RateLimitMiddleware",
    "csp.middleware.CSPMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "cms.webhooks.middleware.AtomicAdminWritesMiddleware",
]

ROOT_URLCONF = "cms.urls"
WSGI_APPLICATION = "cms.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "cms" / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

# Database: DATABASE_URL, or SQLite under var/ so one command runs anywhere.
DATABASE_URL = os.environ.get("DATABASE_URL", "")
if not DATABASE_URL:
    VAR_DIR.mkdir(parents=True, exist_ok=True)
DATABASES = {
    "default": dj_database_url.parse(
        DATABASE_URL or f"sqlite:///{VAR_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The admin writes concurrently (Wagtail 8 autosaves while a preview or a publish runs).
    # WAL lets reads go on during a write; IMMEDIATE takes the write lock when a transaction
    # starts, so two writers queue instead of deadlocking on a lock upgrade; and the busy
    # timeout makes a writer wait for the lock rather than fail with "database is locked".
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": 20,
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL",
        **DATABASES["default"].get("OPTIONS", {}),
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every app process), local memory otherwise.
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": os.environ.get("CACHE_KEY_PREFIX", "cms"),
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", VAR_DIR / "static"))
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", VAR_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}

# Absolute URLs: every one this server builds (image, rendition and document URLs, the SEO
# image, canonical URLs, structured data, the sitemap, the admin's SEO previews and emails)
# starts with PUBLIC_BASE_URL, by default http://127.0.0.1:$PORT (`make run` sets PORT).
# WAGTAILADMIN_BASE_URL (media and admin links) and FRONTEND_BASE_URL (canonical URLs, sitemap,
# social cards) follow it unless set, for a frontend on another origin.
PUBLIC_BASE_URL = (
    os.environ.get("PUBLIC_BASE_URL") or f"http://127.0.0.1:{os.environ.get('PORT') or '8000'}"
).rstrip("/")

# Wagtail
WAGTAIL_SITE_NAME = "Role guides"
WAGTAILADMIN_BASE_URL = (os.environ.get("WAGTAILADMIN_BASE_URL") or PUBLIC_BASE_URL).rstrip("/")
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "pdf", "pptx", "txt", "xlsx"]
WAGTAIL_I18N_ENABLED = False
# The admin calls no third party unless asked: avatars from Gravatar only when
# WAGTAIL_GRAVATAR_PROVIDER_URL is set (e.g. //www.gravatar.com/avatar), Wagtail's upgrade
# check (releases.wagtail.org) only when WAGTAIL_UPDATE_CHECK is true or "lts". The CSP below
# allows each host only while it is on.
WAGTAIL_GRAVATAR_PROVIDER_URL = os.environ.get("WAGTAIL_GRAVATAR_PROVIDER_URL") or None
WAGTAIL_ENABLE_UPDATE_CHECK = (
    "lts"
    if os.environ.get("WAGTAIL_UPDATE_CHECK", "").strip().lower() == "lts"
    else env_bool("WAGTAIL_UPDATE_CHECK", False)
)

# Long guides: the admin's edit form sends 7 to 40 fields per block (a salary table of five
# rows ~70), so Django's default of 1,000 refused guides of ~25 to ~140 blocks (a 400, and the
# edits lost); a 300-block guide like the demo's sends ~12,000. 50,000 takes ~1,300 such blocks;
# DATA_UPLOAD_MAX_MEMORY_SIZE (2.5 MB) still bounds every request's body, and /graphql/ has its
# own, smaller body limit.
DATA_UPLOAD_MAX_NUMBER_FIELDS = int(os.environ.get("DATA_UPLOAD_MAX_NUMBER_FIELDS", "50000"))

# Salary diffs (roles/salary_diff.py): a row whose pay moved by more than this % against last
# year's edition is flagged for a second look in the guide editor's salary panel.
SALARY_CHANGE_FLAG_PERCENT = env_percent("SALARY_CHANGE_FLAG_PERCENT", 30)

# GraphQL (wagtail-grapple over graphene-django)
GRAPPLE = {
    "APPS": ["home", "roles", "faqs", "cms"],
    "EXPOSE_GRAPHIQL": False,
    "PAGE_SIZE": 20,
    "MAX_PAGE_SIZE": 100,
    "PAGE_INTERFACE": "cms.api.page_interface.PageInterface",
}
GRAPHENE = {"SCHEMA": "cms.api.schema.schema"}

# Media (cms/renditions.py, cms/media_privacy.py) -------------------------------------------------
# The image renditions the API may make: srcSet widths (at most MAX_SRCSET_SIZES a field) in the
# original format or one of FORMATS; `rendition` takes one of FILTERS or width-N, each with an
# optional format. Each rendition a query may make costs COST; a request makes at most
# MAX_NEW_PER_REQUEST new ones. grapple's ALLOWED_IMAGE_FILTERS is the same list.
IMAGE_RENDITIONS = {
    "WIDTHS": [320, 640, 960, 1280, 1920],
    "FORMATS": ["webp"],
    "FILTERS": ["fill-1200x630"],
    "MAX_SRCSET_SIZES": 5,
    "MAX_NEW_PER_REQUEST": 10,
    "COST": 50,
}
_rendition_bases = [
    *IMAGE_RENDITIONS["FILTERS"],
    *(f"width-{width}" for width in IMAGE_RENDITIONS["WIDTHS"]),
]
GRAPPLE["ALLOWED_IMAGE_FILTERS"] = [
    *_rendition_bases,
    *(f"{base}|format-{fmt}" for base in _rendition_bases for fmt in IMAGE_RENDITIONS["FORMATS"]),
]
# Documents are always served by Wagtail's view at /documents/, which applies the view
# restrictions of their collection and its ancestors; never serve MEDIA_ROOT/documents/ from disk.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Serve MEDIA_URL from this app (public image files only; documents never). On with DEBUG.
SERVE_MEDIA = env_bool("SERVE_MEDIA", False)

# Frontend and previews
# Where the public frontend lives: canonical URLs, sitemap entries and social cards point there.
FRONTEND_BASE_URL = (os.environ.get("FRONTEND_BASE_URL") or PUBLIC_BASE_URL).rstrip("/")
# The page the admin's Preview opens, per site hostname ("default" for all others); a relative
# URL is on this server. The reference client in frontend_contract/ is served at /reference-client/.
WAGTAIL_HEADLESS_PREVIEW = {
    "CLIENT_URLS": {"default": os.environ.get("PREVIEW_CLIENT_URL", "/reference-client/")},
    "ENFORCE_TRAILING_SLASH": True,
}
PREVIEW_TOKEN_MAX_AGE = int(os.environ.get("PREVIEW_TOKEN_MAX_AGE", "3600"))
SERVE_REFERENCE_CLIENT = env_bool("SERVE_REFERENCE_CLIENT", False)
# Other GraphQL endpoints the reference client may call with ?endpoint= (absolute URLs,
# comma-separated); this server's /graphql/ is always allowed, any other is refused.
REFERENCE_CLIENT_ENDPOINTS = env_list("REFERENCE_CLIENT_ENDPOINTS", "")

# GraphQL safety: limits (see cms/api/limits.py for every key and its default), introspection,
# and an allow-list that accepts only the operations registered in frontend_contract/operations/.
GRAPHQL_LIMITS = {}
GRAPHQL_INTROSPECTION = env_bool("GRAPHQL_INTROSPECTION", True)
GRAPHQL_ALLOWLIST_ONLY = env_bool("GRAPHQL_ALLOWLIST_ONLY", False)
GRAPHQL_CACHE_MAX_AGE = int(os.environ.get("GRAPHQL_CACHE_MAX_AGE", "60"))
# Cached answers (cms/api/response_cache.py): on unless API_RESPONSE_CACHE=false.
API_RESPONSE_CACHE = env_bool("API_RESPONSE_CACHE", True)
API_RESPONSE_CACHE_TIMEOUT = int(os.environ.get("API_RESPONSE_CACHE_TIMEOUT", "3600"))
API_RESPONSE_CACHE_MAX_BYTES = int(os.environ.get("API_RESPONSE_CACHE_MAX_BYTES", "1000000"))
# Version counters one cached answer is checked against; past this, object tags give way to
# their models' listing tags (cms/api/response_cache.py: bounded).
API_RESPONSE_CACHE_MAX_TAGS = int(os.environ.get("API_RESPONSE_CACHE_MAX_TAGS", "200"))
# Questions whose answers' tags each process remembers (for one round trip per lookup).
API_RESPONSE_CACHE_INDEX_SIZE = int(os.environ.get("API_RESPONSE_CACHE_INDEX_SIZE", "10000"))
# The header naming a cacheable GET answer's cache tags, for a CDN's purge by tag: Cache-Tag
# (Cloudflare, comma-separated), Surrogate-Key (Fastly) or xkey (Varnish), space-separated.
API_CACHE_TAG_HEADER = os.environ.get("API_CACHE_TAG_HEADER", "Cache-Tag")
API_CACHE_TAG_HEADER_MAX_LENGTH = int(os.environ.get("API_CACHE_TAG_HEADER_MAX_LENGTH", "8000"))

# Webhooks (cms/webhooks/) ----------------------------------------------------------------------
# Tasks: Wagtail's own (reference index, image focal points) run at once, as before; webhook
# deliveries go to the database (django-tasks-db), where `manage.py db_worker --backend webhooks
# --queue-name webhooks` runs them (`make run` starts one). A Redis-backed backend can take the
# `webhooks` alias instead when the database is not enough.
TASKS = {
    "default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"},
    "webhooks": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["webhooks"]},
}
# Seconds a receiver has to answer: one deadline for the whole request (connect, send, read).
WEBHOOK_TIMEOUT = float(os.environ.get("WEBHOOK_TIMEOUT", "10"))
# Seconds before each retry (the last repeats), each with ±20% jitter: about 5 s, 30 s, 2 min,
# then longer, for WEBHOOK_RETRY_FOR seconds (24 h) in all.
WEBHOOK_RETRY_DELAYS = [
    float(delay) for delay in env_list("WEBHOOK_RETRY_DELAYS", "5,30,120,600,1800,3600,7200,14400")
]
WEBHOOK_RETRY_FOR = float(os.environ.get("WEBHOOK_RETRY_FOR", str(24 * 3600)))
# At most this many paths, and this many object tags, in a payload; past it the payload says
# "truncated": true and carries broader tags (`all`, or the objects' listing tags) instead.
WEBHOOK_MAX_PATHS = int(os.environ.get("WEBHOOK_MAX_PATHS", "1000"))
# Hosts (names, IP addresses or networks such as 10.0.0.0/8) webhooks may reach although they
# are private, loopback or link-local. With DEBUG on, every address is allowed.
WEBHOOK_ALLOWED_HOSTS = env_list("WEBHOOK_ALLOWED_HOSTS")
# A due delivery whose task should have run this many seconds ago is enqueued again by the
# sweep (`manage.py webhooks deliver`), e.g. after a worker was killed.
WEBHOOK_SWEEP_GRACE = float(os.environ.get("WEBHOOK_SWEEP_GRACE", "60"))
# Finished deliveries are kept this many days in the log (`manage.py webhooks prune`).
WEBHOOK_LOG_RETENTION_DAYS = float(os.environ.get("WEBHOOK_LOG_RETENTION_DAYS", "30"))

# CORS: the frontends allowed to call the API from a browser.
CORS_ALLOWED_ORIGINS = env_list("CORS_ALLOWED_ORIGINS")
CORS_URLS_REGEX = r"^/graphql/?$"

# Exposure (cms/ratelimits.py, cms/checks.py, cms/error_views.py) -------------------------------
# The client's address: REMOTE_ADDR, or a header the proxy in front sets (e.g. X-Forwarded-For,
# of which the last address is used: the one that proxy appended). Never trust a header that
# the proxy does not overwrite.
CLIENT_IP_HEADER = os.environ.get("CLIENT_IP_HEADER", "REMOTE_ADDR")
# Rate limits per client ("count/period", period s, m, h or d, e.g. 10/15m); django-ratelimit
# counts in the default cache (shared through Redis when REDIS_URL is set). An empty value
# turns one limit off; RATE_LIMITS=false turns them all off.
RATELIMIT_ENABLE = env_bool("RATE_LIMITS", True)
RATELIMIT_USE_CACHE = "default"
RATELIMIT_IP_META_KEY = "cms.ratelimits.client_ip"
RATE_LIMITS = {
    # Every /graphql/ request, cached answers included.
    "GRAPHQL": os.environ.get("RATE_LIMIT_GRAPHQL", "600/m"),
    # /graphql/ requests that reach the database (not answered from the response cache).
    "GRAPHQL_UNCACHED": os.environ.get("RATE_LIMIT_GRAPHQL_UNCACHED", "120/m"),
    # Password checks, per client address and per username: every sign-in (/admin/login/,
    # Wagtail's /_util/login/, any authenticate() call with a request) and, per address only,
    # the page and collection password forms. Password reset requests per client address.
    "ADMIN_LOGIN_IP": os.environ.get("RATE_LIMIT_ADMIN_LOGIN_IP", "20/15m"),
    "ADMIN_LOGIN_USERNAME": os.environ.get("RATE_LIMIT_ADMIN_LOGIN_USERNAME", "10/15m"),
    "ADMIN_PASSWORD_RESET_IP": os.environ.get("RATE_LIMIT_ADMIN_PASSWORD_RESET_IP", "5/h"),
}
# The sign-in budgets are counted where passwords are checked: Django's ModelBackend with them.
AUTHENTICATION_BACKENDS = ["cms.ratelimits.RateLimitedModelBackend"]
# Content-Security-Policy on server-rendered pages (the admin, page templates), by django-csp.
# Wagtail's admin still has inline scripts and styles, hence 'unsafe-inline' by default; a view
# can send a stricter policy of its own with csp.decorators.csp / csp_replace. Each directive
# can be replaced from the environment (space-separated sources): CSP_DEFAULT_SRC,
# CSP_SCRIPT_SRC, CSP_STYLE_SRC, CSP_IMG_SRC, CSP_CONNECT_SRC, CSP_FONT_SRC, CSP_FRAME_SRC,
# CSP_FRAME_ANCESTORS; CSP_REPORT_URI adds a report-uri.


def env_sources(name, default):
    return os.environ.get(name, default).split()


def preview_client_origin():
    """The preview client's origin when it is on another server (the admin frames it)."""
    url = os.environ.get("PREVIEW_CLIENT_URL", "")
    if "://" not in url:
        return ""
    scheme, rest = url.split("://", 1)
    return f"{scheme}://{rest.split('/', 1)[0]}"


def gravatar_source():
    """The avatar provider's host, as a CSP source, while avatars are on (any scheme)."""
    url = WAGTAIL_GRAVATAR_PROVIDER_URL or ""
    return url.split("//", 1)[-1].split("/", 1)[0] if url else ""


CSRF_FAILURE_VIEW = "cms.error_views.csrf_failure"

CONTENT_SECURITY_POLICY = {
    # JSON answers need no policy; GraphiQL (development only) loads from a CDN.
    "EXCLUDE_URL_PREFIXES": ["/graphql/"],
    "DIRECTIVES": {
        "default-src": env_sources("CSP_DEFAULT_SRC", "'self'"),
        "script-src": env_sources("CSP_SCRIPT_SRC", "'self' 'unsafe-inline'"),
        "style-src": env_sources("CSP_STYLE_SRC", "'self' 'unsafe-inline'"),
        "img-src": env_sources("CSP_IMG_SRC", f"'self' data: blob: {gravatar_source()}"),
        "connect-src": env_sources(
            "CSP_CONNECT_SRC",
            "'self' https://releases.wagtail.org" if WAGTAIL_ENABLE_UPDATE_CHECK else "'self'",
        ),
        "font-src": env_sources("CSP_FONT_SRC", "'self' data:"),
        "frame-src": env_sources("CSP_FRAME_SRC", f"'self' {preview_client_origin()}"),
        "frame-ancestors": env_sources("CSP_FRAME_ANCESTORS", "'self'"),
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "report-uri": env_sources("CSP_REPORT_URI", "") or None,
    },
}

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": os.environ.get("LOG_LEVEL", "WARNING")},
}
