# The two commands of README:
#   make run    set up and run the service on the embedded default (SQLite, in-process tasks)
#   make test   set up and run the test suite (PostgreSQL + Redis + real Celery workers, the broker
#               tests again on RabbitMQ, then the engine and API tests on the embedded default)
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
# The services the test suite talks to; .ci/services starts them when they are down.
TEST_DATABASE_URL ?= postgres://postgres@127.0.0.1:5432/factcheck
TEST_BROKER_URL ?= redis://127.0.0.1:6379/15
TEST_AMQP_URL ?= amqp://guest:guest@127.0.0.1:5672//

.PHONY: run test lint bench

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py load_demo
	@echo "Serving on http://127.0.0.1:8000/ (API docs: /api/docs/, admin: /admin/); Ctrl-C stops it."
	$(VENV)/bin/gunicorn config.wsgi:application --bind 127.0.0.1:8000 \
		--worker-class gthread --threads 8 --timeout 120 --access-logfile -

test: $(VENV)/.installed
	bash .ci/services
	DJANGO_ENV=test DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_BROKER_URL) \
		$(PY) -m pytest
	DJANGO_ENV=test DATABASE_URL=$(TEST_DATABASE_URL) CELERY_BROKER_URL=$(TEST_AMQP_URL) \
		$(PY) -m pytest -m broker
	DJANGO_ENV=test DATABASE_URL=sqlite:///:memory: CELERY_BROKER_URL= \
		$(PY) -m pytest -m "not services"
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
