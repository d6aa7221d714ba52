/**
 * GridBill rating: meter data and its validation, estimation and editing (VEE), compiled rating plans, rating, live
 * bill-to-date, bill explanations, invoice assembly, bill runs and cancel/rebill.
 */
module io.github.gridbill.rating {
  requires static org.immutables.value.annotations;
  requires static org.jspecify;
  requires transitive io.github.gridbill.core;
  requires org.slf4j;

  exports io.github.gridbill.rating;
  exports io.github.gridbill.rating.invoice;
  exports io.github.gridbill.rating.live;
  exports io.github.gridbill.rating.run;
  exports io.github.gridbill.rating.vee;
}
