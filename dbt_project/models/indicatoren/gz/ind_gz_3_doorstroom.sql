-- GZ.3: % of the Gezinsopvang trajectories ending in P that ended within the maximum
-- term with a doorstroom (GGD category or Doorverwezen).
{{ indicator_rijen(ref('fct_gz_3_doorstroom'), 'GZ.3', dimensies_traject(),
    maat='percentage', meetwaarde='op_tijd_doorgestroomd', eenheid='percentage') }}
