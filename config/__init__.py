# Load the Celery app with Django so that @shared_task binds to it and
# transaction.on_commit dispatch works from any process that imports settings.
from config.celery import app as celery_app

__all__ = ("celery_app",)
