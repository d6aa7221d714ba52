package io.github.gridbill.examples.demo;

import java.time.LocalDate;
import org.joda.money.Money;

/**
 * One payment of the demo as the customer made it: card and online payments arrive from the payment gateway with the
 * invoice they pay; cheques and bank transfers arrive only on the bank statement, where cash application has to work
 * out what they pay from their remittance text.
 *
 * @param id the payment's own id (the gateway's transaction id, the cheque number, the transfer's end-to-end id)
 * @param book the book (and so the bank account) it is paid into
 * @param accountId the paying account, as the customer's bank knows nothing of it: only for the demo's bookkeeping
 * @param amount the amount paid
 * @param method how it was paid
 * @param date the value date
 * @param payerName the name on the payer's bank account
 * @param remittance the free text the customer wrote (may name the invoice, the account, both or neither)
 * @param invoiceNumber the invoice the gateway says it pays (card and online payments), or empty
 */
record DemoPayment(String id, DemoBook book, String accountId, Money amount, DemoAccount.Method method,
    LocalDate date, String payerName, String remittance, String invoiceNumber) {

  /** Whether the payment reaches the company only through the bank statement. */
  boolean viaBankStatement() {
    return method == DemoAccount.Method.CHEQUE || method == DemoAccount.Method.BANK_TRANSFER;
  }
}
