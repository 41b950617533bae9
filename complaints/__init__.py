"""complaints: intake workbooks to collective complaints and submissions, in en, ru and kk."""

__version__ = "0.1.0"
