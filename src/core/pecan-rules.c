/* pecan-rules.c: which lines earn Partner Earned Credit, and how much
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The rules of DESIGN.md ("PEC definitions") and Microsoft's eligibility
 * list: Azure plan consumption of Microsoft's own products earns PEC;
 * reservations, savings plans, Spot VMs and Marketplace products do not.
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "pecan-parse.h"
#include "pecan-rules.h"

static gboolean
is_empty (const char *text)
{
  return text == NULL || text[0] == '\0';
}

static gboolean
equal_nocase (const char *text,
              const char *word)
{
  return text != NULL && g_ascii_strcasecmp (text, word) == 0;
}

/* Case-insensitive search for a lower-case @needle; called several times
 * per line, so the first byte is compared before anything else. */
static gboolean
contains_nocase (const char *text,
                 const char *needle)
{
  gsize n = strlen (needle);
  char first = needle[0];

  if (text == NULL)
    return FALSE;
  for (const char *p = text; *p; p++)
    if ((*p | 0x20) == first && g_ascii_strncasecmp (p, needle, n) == 0)
      return TRUE;
  return FALSE;
}

/* "Spot" as a word of a meter or SKU name, not inside "Hotspot". */
static gboolean
names_spot (const char *text)
{
  if (text == NULL)
    return FALSE;
  for (const char *p = strstr (text, "Spot"); p != NULL; p = strstr (p + 1, "Spot"))
    if ((p == text || !g_ascii_isalpha (p[-1])) && !g_ascii_isalpha (p[4]))
      return TRUE;
  return FALSE;
}

static gboolean
is_microsoft (const char *publisher)
{
  return is_empty (publisher) || g_ascii_strncasecmp (publisher, "Microsoft", 9) == 0;
}

/**
 * pecan_rules_ineligible:
 * @input: the line's text
 *
 * Returns: why the line cannot earn PEC, or %PECAN_INELIGIBLE_NONE
 */
PecanIneligible
pecan_rules_ineligible (const PecanRuleInput *input)
{
  if (!is_empty (input->charge_type) && !equal_nocase (input->charge_type, "Usage"))
    return PECAN_INELIGIBLE_NOT_USAGE;
  if (equal_nocase (input->benefit_type, "SavingsPlan")
      || equal_nocase (input->pricing_model, "SavingsPlan")
      || contains_nocase (input->product_name, "savings plan"))
    return PECAN_INELIGIBLE_SAVINGS_PLAN;
  if (equal_nocase (input->benefit_type, "Reservation")
      || equal_nocase (input->pricing_model, "Reservation")
      || contains_nocase (input->product_name, "reservation")
      || contains_nocase (input->product_name, "reserved")
      || !is_empty (input->reservation_order_id)
      || !is_empty (input->benefit_order_id))
    return PECAN_INELIGIBLE_RESERVATION;
  if (equal_nocase (input->pricing_model, "Spot")
      || names_spot (input->meter_name) || names_spot (input->sku_name))
    return PECAN_INELIGIBLE_SPOT;
  if (!is_microsoft (input->publisher_name) || equal_nocase (input->publisher_type, "Marketplace"))
    return PECAN_INELIGIBLE_MARKETPLACE;
  return PECAN_INELIGIBLE_NONE;
}

/**
 * pecan_rules_classify:
 * @input: the line's text and PEC percentage
 * @reason: (out) (optional): why the line is ineligible
 *
 * A line on which the file says PEC applied has earned it, whatever its
 * kind: the money is what the file says.
 *
 * Returns: the line's PEC state
 */
PecanPecState
pecan_rules_classify (const PecanRuleInput *input,
                      PecanIneligible      *reason)
{
  PecanIneligible why = pecan_rules_ineligible (input);

  if (reason != NULL)
    *reason = why;
  if (input->pec_centi > 0)
    return PECAN_PEC_EARNED;
  if (why != PECAN_INELIGIBLE_NONE)
    return PECAN_PEC_INELIGIBLE;
  if (!input->pec_known)
    return PECAN_PEC_UNKNOWN;
  if (contains_nocase (input->credit_type, "azure credit"))
    return PECAN_PEC_CREDIT;
  return PECAN_PEC_LOST;
}

/**
 * pecan_rules_parse_adjustment:
 * @text: an invoice's PriceAdjustmentDescription, such as
 *   `["15.0% Partner earned credit for services managed"]`
 *
 * Returns: the PEC percentage it states, in hundredths, or 0
 */
int
pecan_rules_parse_adjustment (const char *text)
{
  const char *mark;
  const char *start;
  gint64 nano;

  if (text == NULL)
    return 0;
  for (mark = strchr (text, '%'); mark != NULL; mark = strchr (mark + 1, '%'))
    {
      const char *rest = mark + 1;

      while (*rest == ' ')
        rest++;
      if (g_ascii_strncasecmp (rest, "Partner earned credit", 21) != 0)
        continue;
      for (start = mark; start > text && (g_ascii_isdigit (start[-1]) || start[-1] == '.'); start--)
        ;
      if (pecan_parse_nano (start, mark - start, PECAN_DECIMAL_POINT, &nano) == PECAN_PARSE_OK)
        return pecan_rules_percent_to_centi (nano, FALSE);
    }
  return 0;
}

/**
 * pecan_rules_parse_flag:
 * @text: a Cost Management flag such as `True`
 *
 * Returns: whether @text says yes
 */
gboolean
pecan_rules_parse_flag (const char *text)
{
  return equal_nocase (text, "true") || equal_nocase (text, "yes") || g_strcmp0 (text, "1") == 0;
}

/**
 * pecan_rules_percent_to_centi:
 * @nano: a percentage (15) or a fraction (0.15) in nano-units
 * @is_fraction: whether the column states a fraction; some tools write 15
 *   in a fraction column, so a value above 1 is taken as a percentage
 *
 * Returns: the percentage in hundredths
 */
int
pecan_rules_percent_to_centi (gint64   nano,
                              gboolean is_fraction)
{
  if (is_fraction && nano <= PECAN_NANO)
    nano *= 100;
  if (nano <= 0)
    return 0;
  if (nano >= 100 * PECAN_NANO)
    return 10000;
  return (int) ((nano + 5000000) / 10000000);
}

/**
 * pecan_rules_earned:
 * @billed: what was billed
 * @pec_centi: the PEC percentage in hundredths
 *
 * The list price rebuilt from what was billed, less what was billed.
 *
 * Returns: the PEC earned
 */
double
pecan_rules_earned (double billed,
                    int    pec_centi)
{
  if (pec_centi <= 0 || pec_centi >= 10000)
    return 0.0;
  return billed * pec_centi / (10000 - pec_centi);
}

const char *
pecan_pec_state_to_string (PecanPecState state)
{
  static const char *names[] = { "earned", "lost", "credit", "ineligible", "unknown" };

  return (guint) state < G_N_ELEMENTS (names) ? names[state] : "unknown";
}

/**
 * pecan_ineligible_describe:
 * @reason: why a line cannot earn PEC
 *
 * Returns: the reason for people, translated
 */
const char *
pecan_ineligible_describe (PecanIneligible reason)
{
  switch (reason)
    {
    case PECAN_INELIGIBLE_RESERVATION:
      return _("Reservation");
    case PECAN_INELIGIBLE_SAVINGS_PLAN:
      return _("Savings plan");
    case PECAN_INELIGIBLE_SPOT:
      return _("Spot virtual machine");
    case PECAN_INELIGIBLE_MARKETPLACE:
      return _("Third-party or Marketplace product");
    case PECAN_INELIGIBLE_NOT_USAGE:
      return _("Not Azure consumption");
    case PECAN_INELIGIBLE_NONE:
    default:
      return _("Eligible");
    }
}
