"""Checking a plan: the rules that need the whole plan, each a unit (:mod:`pac_gen.check.rules`).

- :mod:`pac_gen.check.coherence`: errors that make a plan unusable (duplicate ids, unknown references…);
- :mod:`pac_gen.check.method`: the method's questions, as warnings (``W101``…);
- :mod:`pac_gen.check.acknowledge`: warnings the learner keeps on purpose, where they stand, and
  the rules about those acknowledgements (``W1301``, ``E301``…).

Adding a rule is adding one decorated function to one of them, with its message
(and, for a warning, its fix) in :mod:`pac_gen.text` under its code.
"""
