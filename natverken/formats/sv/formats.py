# Swedish formats: Django's own, but dates are typed the Swedish way (ÅÅÅÅ-MM-DD) only,
# so "10/11/2026" is never read as an American date.
from django.conf.locale.sv.formats import *  # noqa: F401,F403

DATE_INPUT_FORMATS = ["%Y-%m-%d"]
DATETIME_INPUT_FORMATS = ["%Y-%m-%d %H:%M:%S", "%Y-%m-%d %H:%M"]
