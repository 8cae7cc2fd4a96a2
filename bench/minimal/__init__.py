"""The baseline of bench/questionnaire_200.py: a Django view that inserts one row, nothing more.

It runs with Heard's own settings (same middleware, same database options, same waitress), plus
this app, so that what separates the two figures is the questionnaire's own work.
"""
