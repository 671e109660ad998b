"""Editor review of flags: decisions kept in SQLite, applied to reports, taught to a local KB.

- ``fingerprint``: the stable identity of a flag across re-runs and edits elsewhere.
- ``store``: the review database (SQLite, WAL, append-only decisions).
- ``apply``: ``apply_reviews(report, store)`` adds each flag's review to a report dict.
- ``teach``: an editor's correction saved as a fact in the local KB file.
- ``server``: ``factcheck serve``, review in the browser.
"""
