"""Analysis of what a consultation heard.

`engine` is the pure, Django-free engine (records in, redacted and analysed records out);
`collect` gathers a Heard consultation's answers and session notes as engine records; `runs` runs
the engine as a background job and stores what it found; `services` and `selectors` are the
writes and reads of the workbench (runs, people's review of codes); `views` its staff screens;
`commands` is `heard analyse` and `heard export-records`. docs/adr/0011 says how runs, reviews
and models are stored.
"""
