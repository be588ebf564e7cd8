{{ c1_afhandeltermijn_rijen('C.1.4', 'klacht') }}
