-- HF.3: % of the (trajectory, quarter) pairs of P with a voortgang row in that quarter;
-- pairs in a quarter that ends after the peildatum (openstaand) are left out.
{{ indicator_rijen(ref('fct_hf_3_voortgang'), 'HF.3', dimensies_traject(),
    maat='percentage', meetwaarde='beoordeeld', eenheid='percentage', filter='not f.openstaand') }}
