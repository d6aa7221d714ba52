package io.github.gridbill.reconcile.cash;

import io.github.gridbill.core.Checks;
import io.github.gridbill.core.GridBillStyle;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.immutables.value.Value;
import org.joda.money.Money;

/**
 * What the ledger has to post for one accepted match, so that a ledger adapter can apply it later, idempotently.
 *
 * <p>For a payment {@code "STMT-1#3"} of USD 150.00 applied to INV-1 (100.00) and INV-2 (50.00): received USD 150.00,
 * two applications, unapplied USD 0.00, key {@code idempotencyKeyOf(payment)}.
 *
 * <p><b>How it will be posted (the seam to the ledger).</b> A ledger adapter posts one journal entry per instruction
 * through the ledger's payment operation: debit cash {@link #received()}; credit each invoice's receivable with its
 * {@link Application#amount()}; credit the payer's unapplied-cash (customer credit) account with {@link #unapplied()}
 * when it is not zero. The entry's idempotency key is {@link #idempotencyKey()}. Because the key is derived only from
 * the bank line (the payment id, amount, currency and value date) and not from the match, posting the same instruction
 * again is a no-op, re-importing and re-matching the same statement cannot apply a line twice, and an attempt to post
 * a <i>different</i> application under a key already used is refused (the ledger's {@code ConflictException}): the
 * first application stands until it is reversed. Instances are immutable and thread-safe; treat as a value type.
 */
@Value.Immutable
@GridBillStyle
abstract class ApplicationInstructionDef {

  /**
   * The payment id (the bank line id for payments from statements).
   *
   * @return the id
   */
  public abstract String paymentId();

  /**
   * The idempotency key: {@link #idempotencyKeyOf(Payment)} of the payment.
   *
   * @return the key
   */
  public abstract String idempotencyKey();

  /**
   * The value date to post with.
   *
   * @return the date
   */
  public abstract LocalDate valueDate();

  /**
   * The payer: the account given or identified, else the account of the first invoice paid.
   *
   * @return the account id
   */
  public abstract String payerAccountId();

  /**
   * The money received.
   *
   * @return the amount
   */
  public abstract Money received();

  /**
   * The invoices and amounts to apply.
   *
   * @return the applications, at least one
   */
  public abstract List<Application> applications();

  /**
   * What stays unapplied, as a credit on {@link #payerAccountId()}.
   *
   * @return the amount, zero or more
   */
  public abstract Money unapplied();

  /**
   * The rule that matched, for the posting's narrative.
   *
   * @return the rule
   */
  public abstract RuleKind rule();

  /**
   * The idempotency key for a payment: {@code "cashapp-v1-"} followed by the first 32 hex digits of the SHA-256 of
   * {@code id|currency|amount in minor units|value date}. Deterministic: the same bank line always gives the same key.
   *
   * <p>{@code idempotencyKeyOf(payment "STMT-1#3", USD 150.00, 2024-03-05)} is the SHA-256 of
   * {@code "STMT-1#3|USD|15000|2024-03-05"}.
   *
   * @param payment the payment, not null
   * @return the key, never null
   */
  public static String idempotencyKeyOf(Payment payment) {
    Objects.requireNonNull(payment, "payment");
    try {
      return idempotencyKeyOf(payment, MessageDigest.getInstance("SHA-256"));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-256", e);
    }
  }

  static String idempotencyKeyOf(Payment payment, MessageDigest sha256) {
    String material = payment.id() + "|" + payment.amount().getCurrencyUnit().getCode() + "|"
        + payment.amount().getAmountMinorLong() + "|" + payment.valueDate();
    sha256.reset();
    byte[] d = sha256.digest(material.getBytes(StandardCharsets.UTF_8));
    char[] hex = new char[32];
    for (int i = 0; i < 16; i++) {
      hex[2 * i] = Character.forDigit((d[i] >> 4) & 0xF, 16);
      hex[2 * i + 1] = Character.forDigit(d[i] & 0xF, 16);
    }
    return "cashapp-v1-" + new String(hex);
  }

  /**
   * The instruction for an accepted match.
   *
   * @param match the match, not null
   * @return the instruction, never null
   */
  public static ApplicationInstruction of(PaymentMatch match) {
    Objects.requireNonNull(match, "match");
    return of(match, idempotencyKeyOf(match.payment()));
  }

  static ApplicationInstruction of(PaymentMatch match, String key) {
    return ApplicationInstruction.builder().paymentId(match.payment().id()).idempotencyKey(key)
        .valueDate(match.payment().valueDate())
        .payerAccountId(match.payerAccountId().orElse(match.applications().get(0).accountId()))
        .received(match.payment().amount()).applications(match.applications()).unapplied(match.unapplied())
        .rule(match.rule()).build();
  }

  @Value.Check
  void check() {
    Checks.notBlank(paymentId(), "paymentId");
    Checks.notBlank(idempotencyKey(), "idempotencyKey");
    Checks.notBlank(payerAccountId(), "payerAccountId");
  }
}
