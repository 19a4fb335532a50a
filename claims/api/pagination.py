"""Cursor pagination for the long lists.

A page number makes the database count the whole filtered table and skip every
row before the page (OFFSET); a cursor continues from the last row shown, through
the (created_at, id) indexes, so page 2,000 costs what page 1 costs, and rows
arriving meanwhile do not shift the pages under the reader.
"""

from __future__ import annotations

from rest_framework.exceptions import ValidationError
from rest_framework.pagination import CursorPagination


class _StrictCursorPagination(CursorPagination):
    page_size_query_param = "page_size"
    max_page_size = 200

    def get_page_size(self, request):
        # DRF ignores a page_size it cannot read and clamps a large one without a word; a client that
        # asked for something else should be told.
        raw = request.query_params.get(self.page_size_query_param, "")
        if raw == "":
            return self.page_size
        if not (raw.isascii() and raw.isdigit()) or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError({self.page_size_query_param: [f"Use a whole number from 1 to {self.max_page_size}."]})
        return int(raw)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            if parameter["name"] == self.page_size_query_param:
                parameter["schema"].update(minimum=1, maximum=self.max_page_size)
        return parameters


class NewestFirstCursorPagination(_StrictCursorPagination):
    ordering = ("-created_at", "-id")


class RecentlyUpdatedCursorPagination(_StrictCursorPagination):
    """Facts: the ones whose evidence changed most recently first."""

    ordering = ("-updated_at", "-id")
