{{ c1_afhandeltermijn_rijen('C.1.8', 'bezwaar') }}
