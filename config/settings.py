"""Settings, read from environment variables (see README, "Configuration").

DJANGO_ENV picks the defaults: "development" (the embedded default: SQLite, tasks
run in-process, a development secret key) or "production" (every secret and host
must be given). Tests run with DJANGO_ENV=test.
"""

from __future__ import annotations

from pathlib import Path

import dj_database_url

from config.env import ConfigError, env_bool, env_fraction, env_int, env_list, env_str

BASE_DIR = Path(__file__).resolve().parent.parent

ENV = env_str("DJANGO_ENV", "development")
if ENV not in {"development", "test", "production"}:
    raise ConfigError(f"DJANGO_ENV={ENV!r} must be development, test or production")
PRODUCTION = ENV == "production"

DEBUG = env_bool("DJANGO_DEBUG", default=ENV == "development")
# No default in production: a guessable key would let anyone forge sessions.
SECRET_KEY = env_str("DJANGO_SECRET_KEY", None if PRODUCTION else f"insecure-{ENV}-key-not-for-production")
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
    "rest_framework.authtoken",
    "claims",
    "claims.webhooks",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"
ASGI_APPLICATION = "config.asgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
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

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "rest_framework.authentication.TokenAuthentication",
        "rest_framework.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_PARSER_CLASSES": ["rest_framework.parsers.JSONParser"],
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.PageNumberPagination",
    "PAGE_SIZE": env_int("API_PAGE_SIZE", 50, minimum=1),
    "EXCEPTION_HANDLER": "claims.api.errors.exception_handler",
}

# --- Celery -------------------------------------------------------------------
# With no broker the embedded default runs every task in-process, right after the
# transaction that queued it commits; with one, workers consume from it.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", "")
CELERY_TASK_ALWAYS_EAGER = not CELERY_BROKER_URL
CELERY_TASK_EAGER_PROPAGATES = False
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_DEFAULT_QUEUE = env_str("CELERY_TASK_DEFAULT_QUEUE", "factcheck")
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
CELERY_BEAT_SCHEDULE = {
    # Articles whose dispatch was lost or whose worker died.
    "requeue-stalled-articles": {"task": "claims.requeue_stalled_articles", "schedule": 60.0},
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
# Claims re-checked per task after a verdict (a hot fact has thousands).
FACTCHECK_RECHECK_BATCH = env_int("FACTCHECK_RECHECK_BATCH", 500, minimum=1)
# Claims the engine is less sure of than this are not stored. 0 (the default) stores every claim with its
# confidence, and reviewers see the low ones marked in the queue.
FACTCHECK_MIN_CONFIDENCE = env_fraction("FACTCHECK_MIN_CONFIDENCE", 0.0)
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

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
}
