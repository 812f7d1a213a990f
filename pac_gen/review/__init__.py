"""The trainer's review of a change between two revisions: what changed, as Markdown or JSON."""

from pac_gen.review.compare import (
    Change,
    PlanReport,
    Report,
    RevisionError,
    change_line,
    headline,
    plan_files_at,
    report_to_dict,
    review,
    to_json,
    to_markdown,
)

__all__ = [
    "Change", "PlanReport", "Report", "RevisionError", "change_line", "headline", "plan_files_at",
    "report_to_dict", "review", "to_json", "to_markdown",
]
