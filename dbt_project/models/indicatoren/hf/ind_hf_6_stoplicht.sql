-- HF.6: Housing First trajectories active on min(p_end, peildatum), counted by their
-- latest stoplicht (dimension stoplicht, `geen beoordeling` without one).
{{ indicator_rijen(ref('fct_hf_6_stoplicht'), 'HF.6', ['stoplicht'] + dimensies_traject()) }}
