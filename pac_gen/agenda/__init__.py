"""The agenda of the plans: the model (:mod:`~pac_gen.agenda.model`) and its two outputs,
the HTML month views and ideal week (:mod:`~pac_gen.agenda.views`) and the ICS feeds.
"""
