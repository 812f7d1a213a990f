"""The trainer's review of a change between two revisions.

- :mod:`~pac_gen.review.compare`: what changed between the checked plans of two revisions (:func:`review`);
- :mod:`~pac_gen.review.report`: the report as data and as JSON;
- :mod:`~pac_gen.review.markdown`: the report for a pull request's summary, and validate's job summary;
- :mod:`~pac_gen.review.git`: the plan files of a revision, read through git (and those changed since).
"""

from pac_gen.review.compare import review
from pac_gen.review.git import RevisionError, changed_plan_files, plan_files_at
from pac_gen.review.markdown import change_line, github_summary, headline, to_markdown
from pac_gen.review.report import Change, PlanReport, Report, report_to_dict, to_json

__all__ = [
    "Change", "PlanReport", "Report", "RevisionError", "change_line", "changed_plan_files", "github_summary",
    "headline", "plan_files_at", "report_to_dict", "review", "to_json", "to_markdown",
]
