/* pecan-rules.h: which lines earn Partner Earned Credit, and how much
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Stored in the database: never renumber. */
typedef enum
{
  PECAN_PEC_EARNED = 0,      /* PEC applied: earned = billed * p / (100 - p) */
  PECAN_PEC_LOST = 1,        /* eligible, no PEC: lost = billed * rate / 100 */
  PECAN_PEC_CREDIT = 2,      /* eligible, paid by an Azure credit: nothing lost */
  PECAN_PEC_INELIGIBLE = 3,  /* reservation, savings plan, Spot, Marketplace ... */
  PECAN_PEC_UNKNOWN = 4,     /* eligible, but the file does not say whether PEC applied */
} PecanPecState;

/* Why a line cannot earn PEC. Stored in the database: never renumber. */
typedef enum
{
  PECAN_INELIGIBLE_NONE = 0,
  PECAN_INELIGIBLE_RESERVATION = 1,
  PECAN_INELIGIBLE_SAVINGS_PLAN = 2,
  PECAN_INELIGIBLE_SPOT = 3,
  PECAN_INELIGIBLE_MARKETPLACE = 4,
  PECAN_INELIGIBLE_NOT_USAGE = 5,
} PecanIneligible;

/* The text of a line that decides its eligibility; NULL or "" when absent. */
typedef struct
{
  const char *product_name;
  const char *sku_name;
  const char *meter_name;
  const char *publisher_name;
  const char *publisher_type;
  const char *benefit_type;
  const char *benefit_order_id;
  const char *reservation_order_id;
  const char *pricing_model;
  const char *charge_type;
  const char *credit_type;
  int         pec_centi;     /* PEC percentage in hundredths: 1500 is 15 % */
  gboolean    pec_known;
} PecanRuleInput;

PecanIneligible pecan_rules_ineligible          (const PecanRuleInput *input);
PecanPecState   pecan_rules_classify            (const PecanRuleInput *input,
                                                 PecanIneligible      *reason);
int             pecan_rules_parse_adjustment    (const char           *text);
gboolean        pecan_rules_parse_flag          (const char           *text);
int             pecan_rules_percent_to_centi    (gint64                nano,
                                                 gboolean              is_fraction);
double          pecan_rules_earned              (double                billed,
                                                 int                   pec_centi);
const char     *pecan_pec_state_to_string       (PecanPecState         state);
const char     *pecan_ineligible_describe       (PecanIneligible       reason);

G_END_DECLS
