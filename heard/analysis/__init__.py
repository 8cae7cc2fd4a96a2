"""Analysis of what a consultation heard.

`engine` is the pure, Django-free engine (records in, redacted and analysed records out);
`collect` gathers a Heard consultation's answers and session notes as engine records; `commands`
is `heard analyse` and `heard export-records`. Storing runs and the review screens come later.
"""
