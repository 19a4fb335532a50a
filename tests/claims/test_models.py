from __future__ import annotations

import pytest
from django.db import IntegrityError, transaction

from claims.models import Claim


@pytest.mark.django_db
@pytest.mark.parametrize("confidence", [None, 0.0, 0.42, 1.0])
def test_a_claim_stores_a_confidence_in_0_1_or_none(make_claim, confidence):
    claim = make_claim(confidence=confidence)

    assert Claim.objects.get(pk=claim.pk).confidence == confidence


@pytest.mark.django_db
@pytest.mark.parametrize("confidence", [-0.01, 1.01, 80.0])
def test_the_database_refuses_a_confidence_outside_0_1(make_claim, confidence):
    with pytest.raises(IntegrityError, match="claim_confidence_range"), transaction.atomic():
        make_claim(confidence=confidence)

    assert not Claim.objects.exists()
