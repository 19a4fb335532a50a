"""Settings, read from environment variables (see README, "Configuration").

DJANGO_ENV picks the defaults: "development" (the embedded default: SQLite, tasks
run in-process, a secret key generated once into .secret_key) or "production"
(every secret and host must be given; HTTPS only). Tests run with DJANGO_ENV=test.
DEBUG is off everywhere unless DJANGO_DEBUG=1 is given in development: a debug
page shows settings and stack traces to whoever triggers an error.
"""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import dj_database_url
import structlog

from config.env import (
    ConfigError,
    env_bool,
    env_fraction,
    env_int,
    env_list,
    env_str,
    local_secret_key,
    secret_key_problem,
)
from factcheck import confidence as _engine_confidence

BASE_DIR = Path(__file__).resolve().parent.parent

ENV = env_str("DJANGO_ENV", "development")
if ENV not in {"development", "test", "production"}:
    raise ConfigError(f"DJANGO_ENV={ENV!r} must be development, test or production")
PRODUCTION = ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=False)
if DEBUG and ENV != "development":
    raise ConfigError(f"DJANGO_DEBUG=1 is only allowed with DJANGO_ENV=development (not {ENV})")
if PRODUCTION:
    # No default in production: a guessable key would let anyone forge sessions and password-reset links.
    SECRET_KEY = env_str("DJANGO_SECRET_KEY")
    if problem := secret_key_problem(SECRET_KEY):
        raise ConfigError(f"DJANGO_SECRET_KEY {problem}")
elif ENV == "test":
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "insecure-test-key-not-for-production")
else:
    SECRET_KEY = env_str("DJANGO_SECRET_KEY", "") or local_secret_key(BASE_DIR / ".secret_key")
ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", [] if PRODUCTION else ["127.0.0.1", "localhost", "testserver"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework_api_key",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "django_structlog",
    "claims",
    "claims.webhooks",
]

MIDDLEWARE = [
    # First, so that every answer is counted, the other middlewares' included.
    "claims.metrics.MetricsMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Static files (the admin's, the API docs page's) without DEBUG and without a separate web server.
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "csp.middleware.CSPMiddleware",
    "claims.api.middleware.ApiRequestMiddleware",
    # A request id bound to every log line of the request and of the tasks it queues.
    "django_structlog.middlewares.RequestMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    # The reviewer's language: their choice (the switcher), else their browser's.
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    # Last, as django-axes asks: it turns a locked-out admin login into its answer.
    "axes.middleware.AxesMiddleware",
]

AUTHENTICATION_BACKENDS = [
    # First, so that a locked-out address or user is refused before the password is even checked.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        # Ahead of the apps' own templates, so that ours override the admin's (base_site.html).
        "DIRS": [BASE_DIR / "claims" / "templates"],
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

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0, minimum=0),
    )
}
# Behind PgBouncer in transaction mode a server-side cursor (.iterator()) may outlive its connection.
DATABASES["default"]["DISABLE_SERVER_SIDE_CURSORS"] = env_bool("DATABASE_DISABLE_SERVER_SIDE_CURSORS", default=False)
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The embedded default serves several requests (and runs their extractions) at once: WAL lets readers
    # go on while one writes, IMMEDIATE takes the write lock when a transaction begins (instead of failing
    # halfway when a read turns into a write), and the timeout waits for the lock rather than failing.
    DATABASES["default"]["OPTIONS"] = {
        "transaction_mode": "IMMEDIATE",
        "timeout": env_int("SQLITE_TIMEOUT_SECONDS", 30, minimum=1),
        "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    }
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

if ENV == "test":
    # The tests create users by the hundred; a slow hash is there to resist cracking, not needed here.
    PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]

LANGUAGE_CODE = "en"
# The admin in the languages of the articles; our own strings are translated in claims/locale.
LANGUAGES = [
    ("en", "English"),
    ("de", "Deutsch"),
    ("fr", "Français"),
    ("es", "Español"),
    ("it", "Italiano"),
    ("pt", "Português"),
    ("nl", "Nederlands"),
]
LOCALE_PATHS = [BASE_DIR / "claims" / "locale"]
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
# Outside production the files are served from the apps directly, so no collectstatic is needed.
WHITENOISE_USE_FINDERS = not PRODUCTION
WHITENOISE_AUTOREFRESH = ENV == "development"

# --- Security -----------------------------------------------------------------
# Production is served over HTTPS only; a proxy in front that terminates TLS says so with
# X-Forwarded-Proto (DJANGO_SECURE_PROXY_SSL_HEADER=1, only behind a proxy that sets it).
if env_bool("DJANGO_SECURE_PROXY_SSL_HEADER", default=False):
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", default=PRODUCTION)
# Load balancers probe these over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^healthz$", r"^readyz$"]
SECURE_HSTS_SECONDS = env_int("DJANGO_HSTS_SECONDS", 31_536_000 if PRODUCTION else 0, minimum=0)
SECURE_HSTS_INCLUDE_SUBDOMAINS = PRODUCTION
# Only allows submission to the browsers' preload list; set 0 if a subdomain must stay reachable over plain http.
SECURE_HSTS_PRELOAD = env_bool("DJANGO_HSTS_PRELOAD", default=PRODUCTION)
SESSION_COOKIE_SECURE = PRODUCTION
CSRF_COOKIE_SECURE = PRODUCTION
SESSION_COOKIE_HTTPONLY = True
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Everything the admin and the docs page need comes from this host; nothing inline may run.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        # The admin and Swagger UI set a few style attributes inline.
        "style-src": ["'self'", "'unsafe-inline'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'none'"],
        "frame-ancestors": ["'none'"],
        "form-action": ["'self'"],
    }
}
# Admin login: an address, or one user from one address, that fails this many times is locked out
# for AXES_COOLOFF_MINUTES. Behind a proxy, set AXES_IPWARE_PROXY_COUNT so the client's address is used.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", 10, minimum=1)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", 15, minimum=1))
AXES_LOCKOUT_PARAMETERS = ["ip_address", ["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_IPWARE_PROXY_COUNT = env_int("AXES_IPWARE_PROXY_COUNT", 0, minimum=0) or None
AXES_VERBOSE = False

# Prometheus scrapes /metrics with "Authorization: Bearer <METRICS_TOKEN>"; unset, only staff logins see it.
METRICS_TOKEN = env_str("METRICS_TOKEN", "")

# --- Cache (throttling) -------------------------------------------------------
# Request counts for throttling live in the cache: Redis when several processes serve the API (each
# would count alone otherwise), memory in the embedded default.
CACHE_URL = env_str("CACHE_URL", "")
if CACHE_URL:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": CACHE_URL}}
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # Programs: hashed, revocable API keys with scopes ("Authorization: Api-Key <key>").
        "claims.api.auth.ApiKeyAuthentication",
        # People: the admin's session, for the browsable API and the docs page.
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated", "claims.api.auth.HasScope"],
    "DEFAULT_PARSER_CLASSES": ["claims.api.parsers.BoundedJSONParser"],
    # The browsable API is a convenience for development; production answers JSON only.
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"]
    + ([] if PRODUCTION else ["rest_framework.renderers.BrowsableAPIRenderer"]),
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
    "DEFAULT_PAGINATION_CLASS": "claims.api.pagination.NewestFirstCursorPagination",
    "PAGE_SIZE": env_int("API_PAGE_SIZE", 50, minimum=1),
    "EXCEPTION_HANDLER": "claims.api.problems.exception_handler",
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_THROTTLE_CLASSES": ["claims.api.throttles.AddressThrottle", "claims.api.throttles.ClientThrottle"],
    # Proxies in front that append to X-Forwarded-For. 0 (the default) uses the connecting address only,
    # so a client cannot pick its own address for throttling by sending the header.
    "NUM_PROXIES": env_int("API_NUM_PROXIES", 0, minimum=0),
}
# Requests a minute. Per address counts every request from one IP; per client counts one API key (or
# one logged-in user) wherever it calls from; submissions cost extraction work and have their own,
# lower budget. Throttled calls get a 429 with Retry-After.
API_THROTTLE_RATES = {
    "address": env_str("API_THROTTLE_ADDRESS", "600/min"),
    "anon": env_str("API_THROTTLE_ANON", "30/min"),
    "client": env_str("API_THROTTLE_CLIENT", "1200/min"),
    "submit": env_str("API_THROTTLE_SUBMIT", "120/min"),
}
# Query parameter values longer than this, and JSON bodies nested deeper, are refused with a 400.
API_MAX_PARAM_LENGTH = env_int("API_MAX_PARAM_LENGTH", 1000, minimum=16)
API_MAX_JSON_DEPTH = env_int("API_MAX_JSON_DEPTH", 16, minimum=2)

SPECTACULAR_SETTINGS = {
    "TITLE": "Factcheck API",
    "DESCRIPTION": (
        "Claims extracted from news articles in seven languages, checked against each other and against "
        "verified facts. Authenticate with `Authorization: Api-Key <key>`. Every error is "
        "`application/problem+json` (RFC 9457)."
    ),
    "VERSION": "1",
    "SERVE_INCLUDE_SCHEMA": False,
    # The docs page loads Swagger UI from this service, not from a CDN: it works offline and under the CSP.
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.add_problem_responses",
    ],
    "ENUM_NAME_OVERRIDES": {
        "ArticleStateEnum": "claims.models.ArticleState",
        "EndpointStateEnum": "claims.webhooks.models.EndpointState",
        "DeliveryStateEnum": "claims.webhooks.models.DeliveryState",
    },
}

# --- Celery -------------------------------------------------------------------
# With no broker the embedded default runs every task in-process, right after the
# transaction that queued it commits; with one, workers consume from it.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "factcheck")
# Work by kind, each in its own queue: a flood of articles to extract never holds back the checks a
# verdict asks for or the webhooks it sends. A worker started without -Q takes every queue (Redis
# serves them in turn); operators may give each kind workers of its own (README).
CELERY_TASK_QUEUES = {name: {} for name in (CELERY_TASK_DEFAULT_QUEUE, "extract", "checks", "webhooks")}
CELERY_TASK_ROUTES = {
    "claims.process_article": {"queue": "extract"},
    "claims.requeue_stalled_articles": {"queue": "extract"},
    "claims.check_claims": {"queue": "checks"},
    "claims.recheck_*": {"queue": "checks"},
    "claims.requeue_*": {"queue": "checks"},
    "webhooks.*": {"queue": "webhooks"},
}
# A task is acknowledged only when it has finished, and re-queued if its worker
# dies, so a crash never loses an article; one message at a time per process so a
# long extraction does not hold back others.
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
# Time limits stay well below the Redis visibility timeout, or a slow task would be
# handed to a second worker while the first still runs it.
CELERY_BROKER_TRANSPORT_OPTIONS = {"visibility_timeout": 3600}
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 600, minimum=1)
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 540, minimum=1)
# Publishing gives up quickly when Redis is down, so an API request never hangs on it.
CELERY_TASK_PUBLISH_RETRY_POLICY = {
    "max_retries": 2,
    "interval_start": 0,
    "interval_step": 0.2,
    "interval_max": 0.5,
}
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_BROKER_CONNECTION_TIMEOUT = 2
# Periodic work (celery beat): the sweepers that make a lost dispatch (broker down,
# message lost, worker killed) a delay and never a loss. Dispatch after commit is
# only the fast path.
# How often beat sweeps for articles and checks whose message was lost (checks every fourth time).
FACTCHECK_SWEEP_SECONDS = env_int("FACTCHECK_SWEEP_SECONDS", 15, minimum=1)
CELERY_BEAT_SCHEDULE = {
    # Articles whose dispatch was lost or whose worker died.
    "requeue-stalled-articles": {
        "task": "claims.requeue_stalled_articles",
        "schedule": float(FACTCHECK_SWEEP_SECONDS),
        "options": {"expires": float(FACTCHECK_SWEEP_SECONDS)},
    },
    "prune-history": {"task": "claims.prune_history", "schedule": 24 * 3600.0},
    # Claims whose check was lost (flushed queue, dropped connection).
    "requeue-pending-checks": {
        "task": "claims.requeue_pending_checks",
        "schedule": 4.0 * FACTCHECK_SWEEP_SECONDS,
        "options": {"expires": 4.0 * FACTCHECK_SWEEP_SECONDS},
    },
    # Verdicts whose re-check of the fact's other claims was never queued.
    "requeue-stalled-rechecks": {"task": "claims.requeue_stalled_rechecks", "schedule": 60.0},
    "webhooks-sweep": {
        "task": "webhooks.sweep",
        "schedule": float(env_int("WEBHOOKS_SWEEP_SECONDS", 30, minimum=1)),
        # A sweep not started within its interval is superseded by the next one.
        "options": {"expires": float(env_int("WEBHOOKS_SWEEP_SECONDS", 30, minimum=1))},
    },
}

# --- The service --------------------------------------------------------------
# Absolute base of the links in API responses and webhook events.
FACTCHECK_PUBLIC_URL = env_str("FACTCHECK_PUBLIC_URL", "http://127.0.0.1:8000").rstrip("/")
# Who publishes the reviews: the author of every schema.org ClaimReview we serve.
FACTCHECK_ORGANISATION_NAME = env_str("FACTCHECK_ORGANISATION_NAME", "Factcheck")
# Claims re-checked per task after a verdict (a hot fact has thousands).
FACTCHECK_RECHECK_BATCH = env_int("FACTCHECK_RECHECK_BATCH", 500, minimum=1)
# Claims the engine is less sure of than this are not stored. The default is the engine's own (0.2: a
# wrong claim costs a reviewer more than a missed one); 0 stores every claim with its confidence, and
# reviewers see the low ones marked in the queue.
FACTCHECK_MIN_CONFIDENCE = env_fraction("FACTCHECK_MIN_CONFIDENCE", _engine_confidence.MIN_CONFIDENCE)
# A queued article not taken up for this long is queued again by the sweeper (its message was lost).
FACTCHECK_QUEUED_GRACE_SECONDS = env_int("FACTCHECK_QUEUED_GRACE_SECONDS", 120, minimum=1)
# An article being extracted whose worker shows no sign of life for this long is taken over by another
# (the worker renews it every third of it while it works).
FACTCHECK_ARTICLE_LEASE_SECONDS = env_int("FACTCHECK_ARTICLE_LEASE_SECONDS", 30, minimum=3)
# Claims still `pending` this long after they were stored lost their check (queue flushed, worker
# killed, connection dropped): the sweeper queues their checks again.
FACTCHECK_PENDING_GRACE_SECONDS = env_int("FACTCHECK_PENDING_GRACE_SECONDS", 120, minimum=1)
# Webhook events, deliveries and attempts, and the checks' own status changes, are pruned after this many
# days (daily, in batches); reviewers' verdicts and corrections are kept.
FACTCHECK_RETENTION_DAYS = env_int("FACTCHECK_RETENTION_DAYS", 180, minimum=1)
# Longest article text accepted, in UTF-8 bytes (a long feature is ~60 kB).
FACTCHECK_MAX_ARTICLE_BYTES = env_int("FACTCHECK_MAX_ARTICLE_BYTES", 200_000, minimum=1)

# --- Webhooks -----------------------------------------------------------------
# The tests run their receivers on plain http over loopback, so the test settings
# allow both; development and production refuse both unless told otherwise.
# Plain http:// endpoint URLs: only for local development and the tests.
WEBHOOKS_ALLOW_HTTP = env_bool("WEBHOOKS_ALLOW_HTTP", default=ENV == "test")
# Loopback receivers (127.0.0.0/8, ::1): only for local development and the tests.
# Every other non-global address (RFC 1918, link-local, CG-NAT, ULA ...) is always refused.
WEBHOOKS_ALLOW_LOOPBACK = env_bool("WEBHOOKS_ALLOW_LOOPBACK", default=ENV == "test")
# A CA bundle to verify receivers' certificates with, instead of the system's (a private CA; the tests).
WEBHOOKS_CA_BUNDLE = env_str("WEBHOOKS_CA_BUNDLE", "") or None
# One attempt's limit: connecting, then waiting for the receiver's answer.
WEBHOOKS_TIMEOUT_SECONDS = env_int("WEBHOOKS_TIMEOUT_SECONDS", 15, minimum=1)
# How long a worker owns a delivery it is sending. Another worker (or the sweeper)
# takes it over only after this, so it must outlast a whole attempt.
WEBHOOKS_LEASE_SECONDS = env_int("WEBHOOKS_LEASE_SECONDS", 120, minimum=2)
if WEBHOOKS_LEASE_SECONDS <= 2 * WEBHOOKS_TIMEOUT_SECONDS:
    raise ConfigError(
        f"WEBHOOKS_LEASE_SECONDS={WEBHOOKS_LEASE_SECONDS} must be more than twice WEBHOOKS_TIMEOUT_SECONDS="
        f"{WEBHOOKS_TIMEOUT_SECONDS} (connect and read time out separately), or two workers could send one delivery"
    )
# An endpoint whose deliveries have all failed for this long is disabled and its owner told.
WEBHOOKS_DISABLE_AFTER_HOURS = env_int("WEBHOOKS_DISABLE_AFTER_HOURS", 72, minimum=1)
# Fernet keys (comma-separated; the first encrypts, all decrypt) for the webhook secrets at rest. Empty: one
# derived from DJANGO_SECRET_KEY. Rotate by putting a new key first, then `manage.py rotate_webhook_key`.
WEBHOOKS_SECRET_KEYS = env_list("WEBHOOKS_SECRET_KEYS", [])
# Endpoints one owner may register: each is a stream of signed requests we send, so a cap keeps one
# account from turning the service into a request amplifier.
WEBHOOKS_MAX_ENDPOINTS_PER_OWNER = env_int("WEBHOOKS_MAX_ENDPOINTS_PER_OWNER", 20, minimum=1)
# Deliveries the sweeper takes per run; the rest wait for the next run.
WEBHOOKS_SWEEP_BATCH = env_int("WEBHOOKS_SWEEP_BATCH", 500, minimum=1)
# Mail (the owners of disabled endpoints are told): printed to the console unless an SMTP server is given.
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25, minimum=1)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", default=False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "factcheck@localhost")

# --- Logs -----------------------------------------------------------------------
# One JSON object a line in production (LOG_FORMAT=json), readable lines in development. Every line
# logged while a request is served, or a task it caused runs, carries that request's id (django-structlog
# binds it, takes it from an X-Request-ID header when a proxy sets one, and passes it on in task headers).
LOG_FORMAT = env_str("LOG_FORMAT", "json" if PRODUCTION else "console")
if LOG_FORMAT not in {"json", "console"}:
    raise ConfigError(f"LOG_FORMAT={LOG_FORMAT!r} must be json or console")
_LOG_CHAIN = [
    structlog.contextvars.merge_contextvars,
    structlog.stdlib.add_log_level,
    structlog.stdlib.add_logger_name,
    structlog.processors.TimeStamper(fmt="iso", utc=True),
]
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "structured": {
            "()": structlog.stdlib.ProcessorFormatter,
            "processors": [
                structlog.stdlib.ProcessorFormatter.remove_processors_meta,
                structlog.processors.format_exc_info,
                structlog.processors.JSONRenderer()
                if LOG_FORMAT == "json"
                else structlog.dev.ConsoleRenderer(colors=False),
            ],
            # The standard library's records (ours, Django's, Celery's) get the same fields.
            "foreign_pre_chain": [*_LOG_CHAIN, structlog.stdlib.ExtraAdder()],
        }
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "structured"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {
        # A line per task that succeeded is noise; failures and retries are still logged.
        "celery.app.trace": {"level": env_str("LOG_LEVEL_TASKS", "WARNING")},
        # In-process tasks (no broker) make kombu complain that no broker host was given.
        "kombu.connection": {"level": "WARNING" if CELERY_BROKER_URL else "ERROR"},
    },
}
structlog.configure(
    processors=[
        structlog.stdlib.filter_by_level,
        *_LOG_CHAIN,
        structlog.stdlib.PositionalArgumentsFormatter(),
        structlog.processors.StackInfoRenderer(),
        structlog.stdlib.ProcessorFormatter.wrap_for_formatter,
    ],
    logger_factory=structlog.stdlib.LoggerFactory(),
    cache_logger_on_first_use=True,
)
DJANGO_STRUCTLOG_CELERY_ENABLED = True
# Take the request id from the X-Request-ID header (only behind a proxy that sets it); else one is made.
DJANGO_STRUCTLOG_TRUST_UPSTREAM_REQUEST_ID = env_bool("LOG_TRUST_REQUEST_ID", default=False)
