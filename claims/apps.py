from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class ClaimsConfig(AppConfig):
    default_auto_field = "django.db.models.BigAutoField"
    name = "claims"
    verbose_name = _("Claims")

    def ready(self):
        # Register the tasks with Celery in every process (web too): services queue them by name.
        import claims.tasks  # noqa: F401
        from claims.roles import roles_after_migrate

        # After the permissions (made by auth's own post_migrate handler, which runs first).
        post_migrate.connect(roles_after_migrate, sender=self)
