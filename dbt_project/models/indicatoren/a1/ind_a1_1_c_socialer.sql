{{ zrm_indicator_rijen('A.1.1.c') }}
