-- newsrecon schema, migration 0006: fiscal as-of windows.
--
-- "Revenue in the second quarter of fiscal 2026" refers to months that depend
-- on whose fiscal year it is (Nvidia's ends in January, Microsoft's in June,
-- India's in March). Such a figure's window is the calendar reading of the
-- period's name, with basis 'fiscal': it is compared only with other fiscal
-- windows, so two outlets naming the same fiscal quarter meet and a calendar
-- quarter never does.

INSERT INTO as_of_bases (name, description) VALUES
  ('fiscal', 'a fiscal period in the same sentence: "in fiscal 2026"; its window is the calendar reading of the name, compared only with other fiscal windows');
