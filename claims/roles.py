"""The reviewers' roles, as groups: viewers read, reviewers also give verdicts and correct entities,
editors may also correct a claim's value, entities and time.

Made by migration 0006 and again after every migrate or flush (post_migrate), so that a database
emptied by a flush (the test suite's transactional tests) still has them.
"""

from __future__ import annotations

READ = [
    "view_article",
    "view_claim",
    "view_entity",
    "view_entityalias",
    "view_fact",
    "view_finding",
    "view_statuschange",
    "view_sighting",
]
REVIEW = ["give_verdict", "change_entity", "add_entityalias", "change_entityalias", "delete_entityalias"]
ROLES = {
    "viewers": READ,
    "reviewers": READ + REVIEW,
    "editors": READ + REVIEW + ["correct_claim"],
}


def roles_ensure(*, group_model, permission_model) -> None:
    """Create the groups with their permissions (idempotent); permissions missing so far are skipped."""
    for name, codenames in ROLES.items():
        group, _ = group_model.objects.get_or_create(name=name)
        permissions = permission_model.objects.filter(content_type__app_label="claims", codename__in=codenames)
        group.permissions.add(*permissions)


def roles_after_migrate(sender, **kwargs) -> None:
    from django.contrib.auth.models import Group, Permission

    roles_ensure(group_model=Group, permission_model=Permission)
