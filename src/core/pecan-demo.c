/* pecan-demo.c: realistic demo usage data, so a new user can try Pecan at once
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "config.h"

#include <glib/gi18n-lib.h>
#include <math.h>
#include <stdarg.h>
#include <string.h>

#include "pecan-demo.h"

/* The 55 columns of a Partner Center daily rated usage file, in the portal's order. */
#define DEMO_HEADER \
  "PartnerId,PartnerName,CustomerId,CustomerName,CustomerDomainName,CustomerCountry," \
  "MpnId,Tier2MpnId,InvoiceNumber,ProductId,SkuId,AvailabilityId,SkuName,ProductName," \
  "PublisherName,PublisherId,SubscriptionDescription,SubscriptionId,ChargeStartDate," \
  "ChargeEndDate,UsageDate,MeterType,MeterCategory,MeterId,MeterSubCategory,MeterName," \
  "MeterRegion,Unit,ResourceLocation,ConsumedService,ResourceGroup,ResourceURI," \
  "ChargeType,UnitPrice,Quantity,UnitType,BillingPreTaxTotal,BillingCurrency," \
  "PricingPreTaxTotal,PricingCurrency,ServiceInfo1,ServiceInfo2,Tags,AdditionalInfo," \
  "EffectiveUnitPrice,PCToBCExchangeRate,PCToBCExchangeRateDate,EntitlementId," \
  "EntitlementDescription,PartnerEarnedCreditPercentage,CreditPercentage,CreditType," \
  "BenefitOrderId,BenefitId,BenefitType\n"

#define DEMO_FLUSH_SIZE  (4 * 1024 * 1024)
#define DEMO_CHECK_EVERY 4096
#define DEMO_NUM_LEN     32

typedef enum
{
  DEMO_PAYG,          /* first-party pay as you go: earns PEC */
  DEMO_SPOT,
  DEMO_RESERVATION,
  DEMO_SAVINGS_PLAN,
  DEMO_MARKETPLACE,
} DemoKind;

typedef struct
{
  const char *category;
  const char *subcategory;
  const char *name;
  const char *unit;
  double      price;      /* list price per unit, USD */
  double      qty_min;    /* daily quantity range */
  double      qty_max;
  DemoKind    kind;
  gboolean    free_days;  /* the first two days of a month fall in the free grant */
  const char *provider;   /* resource type in the ResourceURI */
  const char *stem;       /* resource name prefix */
  const char *product;    /* ProductName, when not "<category> <subcategory>" */
} DemoMeter;

static const DemoMeter demo_meters[] = {
  { "Virtual Machines", "Dv5/DSv5 Series", "D2s v5", "1 Hour", 0.096, 4, 24, DEMO_PAYG, FALSE, "Microsoft.Compute/virtualMachines", "vm", NULL },
  { "Virtual Machines", "Dv5/DSv5 Series", "D4s v5", "1 Hour", 0.192, 4, 24, DEMO_PAYG, FALSE, "Microsoft.Compute/virtualMachines", "vm", NULL },
  { "Virtual Machines", "BS Series", "B2ms", "1 Hour", 0.0832, 8, 24, DEMO_PAYG, FALSE, "Microsoft.Compute/virtualMachines", "vm", NULL },
  { "Virtual Machines", "Ev5/ESv5 Series", "E4s v5", "1 Hour", 0.252, 2, 24, DEMO_PAYG, FALSE, "Microsoft.Compute/virtualMachines", "vm", NULL },
  { "Virtual Machines", "Dv5/DSv5 Series", "D4s v5 Spot", "1 Hour", 0.0384, 1, 24, DEMO_SPOT, FALSE, "Microsoft.Compute/virtualMachines", "vmspot", NULL },
  { "Virtual Machines", "Dv5/DSv5 Series", "D8s v5", "1 Hour", 0.0, 24, 24, DEMO_RESERVATION, FALSE, "Microsoft.Compute/virtualMachines", "vm", "Reserved VM Instance" },
  { "Virtual Machines", "Dv5/DSv5 Series", "D16s v5", "1 Hour", 0.5069, 8, 24, DEMO_SAVINGS_PLAN, FALSE, "Microsoft.Compute/virtualMachines", "vm", "Azure savings plan for compute" },
  { "Virtual Machines Licenses", "Northgate NGFW", "NGFW Standard 4 vCPU", "1 Hour", 0.35, 24, 24, DEMO_MARKETPLACE, FALSE, "Microsoft.Compute/virtualMachines", "fw", "Northgate NGFW Next-Generation Firewall" },
  { "Storage", "Premium SSD Managed Disks", "P10 LRS Disk", "1/Month", 19.71, 0.032258, 0.033333, DEMO_PAYG, FALSE, "Microsoft.Compute/disks", "disk", NULL },
  { "Storage", "Standard SSD Managed Disks", "E10 LRS Disk", "1/Month", 9.6, 0.032258, 0.033333, DEMO_PAYG, FALSE, "Microsoft.Compute/disks", "disk", NULL },
  { "Storage", "General Block Blob v2", "Hot LRS Data Stored", "1 GB/Month", 0.0208, 2, 40, DEMO_PAYG, FALSE, "Microsoft.Storage/storageAccounts", "st", NULL },
  { "Storage", "Files v2", "LRS Data Stored", "1 GB/Month", 0.06, 1, 20, DEMO_PAYG, FALSE, "Microsoft.Storage/storageAccounts", "st", NULL },
  { "Storage", "Tables", "Batch Write Operations", "10K", 0.00036, 10, 400, DEMO_PAYG, FALSE, "Microsoft.Storage/storageAccounts", "st", NULL },
  { "Bandwidth", "Rtn Preference: MGN", "Standard Data Transfer Out", "1 GB", 0.087, 1, 120, DEMO_PAYG, TRUE, "Microsoft.Network/publicIPAddresses", "pip", NULL },
  { "Azure App Service", "Premium v3 Plan", "P1 v3 App", "1 Hour", 0.2, 24, 24, DEMO_PAYG, FALSE, "Microsoft.Web/serverfarms", "asp", NULL },
  { "Functions", "Premium", "EP1 vCPU Duration", "1 Hour", 0.173, 24, 48, DEMO_PAYG, FALSE, "Microsoft.Web/sites", "func", NULL },
  { "SQL Database", "Single Standard", "S1 DTUs", "1/Day", 0.9677, 1, 1, DEMO_PAYG, FALSE, "Microsoft.Sql/servers", "sql", NULL },
  { "SQL Database", "Single/Elastic Pool General Purpose - Compute Gen5", "vCore", "1 Hour", 0.5044, 10, 48, DEMO_PAYG, FALSE, "Microsoft.Sql/servers", "sql", NULL },
  { "Azure Monitor", "Azure Monitor", "Analytics Logs Data Ingestion", "1 GB", 2.76, 0.1, 6, DEMO_PAYG, TRUE, "Microsoft.OperationalInsights/workspaces", "log", NULL },
  { "Log Analytics", "Log Analytics", "Data Retention", "1 GB/Month", 0.1, 1, 40, DEMO_PAYG, FALSE, "Microsoft.OperationalInsights/workspaces", "log", NULL },
  { "Backup", "Backup", "Azure VM Protected Instances", "1/Month", 10.0, 0.032258, 0.033333, DEMO_PAYG, FALSE, "Microsoft.RecoveryServices/vaults", "rsv", NULL },
  { "Key Vault", "Key Vault", "Operations", "10K", 0.03, 1, 60, DEMO_PAYG, TRUE, "Microsoft.KeyVault/vaults", "kv", NULL },
  { "Azure Kubernetes Service", "Standard", "Standard Uptime SLA", "1 Hour", 0.1, 24, 24, DEMO_PAYG, FALSE, "Microsoft.ContainerService/managedClusters", "aks", NULL },
  { "Virtual Network", "IP Addresses", "Standard IPv4 Static Public IP", "1 Hour", 0.005, 24, 72, DEMO_PAYG, FALSE, "Microsoft.Network/publicIPAddresses", "pip", NULL },
  { "Azure DNS", "Public", "Public Queries", "1M", 0.4, 0.01, 2, DEMO_PAYG, TRUE, "Microsoft.Network/dnszones", "dns", NULL },
  { "Azure DNS", "Public", "Public Zone", "1/Month", 0.5, 0.032258, 0.033333, DEMO_PAYG, FALSE, "Microsoft.Network/dnszones", "dns", NULL },
};

typedef struct
{
  const char *code;
  const char *stems[8];
  const char *trades[6];
  const char *forms[3];    /* legal forms */
  guint       regions[2];  /* indices into demo_regions */
} DemoCountry;

static const DemoCountry demo_countries[] = {
  { "NL", { "Van Dijk", "De Vries", "Bakker", "Jansen", "Visser", "Meijer", "Mulder", "Van Leeuwen" },
    { "Installatietechniek", "Transport", "Tandartsen", "Accountants", "De Molen", "Bouw" },
    { "B.V.", "Holding B.V.", "& Zonen B.V." }, { 0, 1 } },
  { "DE", { "Müller", "Schneider", "Fischer", "Weber", "Becker", "Hoffmann", "Schäfer", "Krause" },
    { "Maschinenbau", "Logistik", "Steuerberatung", "Elektrotechnik", "Bäckerei", "Zahnärzte" },
    { "GmbH", "GmbH & Co. KG", "AG" }, { 2, 0 } },
  { "GB", { "Ashworth", "Pemberton", "Whitfield", "Harrington", "Caldwell", "Thornbury", "Blackwood", "Fairbairn" },
    { "Engineering", "Solicitors", "Logistics", "Dental Care", "Estates", "Brewing" },
    { "Ltd", "& Sons Ltd", "plc" }, { 3, 1 } },
  { "US", { "Redwood", "Lakeshore", "Summit Ridge", "Blue Harbor", "Prairie Wind", "Ironbridge", "Cedar Point", "Golden Gate" },
    { "Manufacturing", "Health Partners", "Logistics", "Financial", "Labs", "Outfitters" },
    { "Inc.", "LLC", "Corp." }, { 4, 5 } },
};

static const char *const demo_regions[][2] = {
  { "EU West", "westeurope" }, { "EU North", "northeurope" }, { "DE West Central", "germanywestcentral" },
  { "UK South", "uksouth" }, { "US East", "eastus" }, { "US West 2", "westus2" },
};

static const char *const demo_envs[][2] = {
  { "Production", "prod" }, { "Development", "dev" }, { "Backup", "backup" },
  { "Data platform", "data" }, { "Test", "test" }, { "Shared services", "shared" },
};

/* Pricing to billing currency; the billed rate wobbles a little each day. */
static const struct { const char *code; gint64 rate_e6; } demo_currencies[] = {
  { "USD", 1000000 }, { "EUR", 921300 }, { "GBP", 790200 },
};

typedef struct
{
  char     *head;          /* PartnerId..Tier2MpnId, each followed by a comma */
  gboolean  azure_credit;  /* Azure credit pays the first day of each month */
  guint     n_subs;
} DemoCustomer;

typedef struct
{
  int   lost_from;  /* day index from which the partner lost admin access, or G_MAXINT */
  int   regained;   /* day index from which PEC is back */
  guint n_resources;
} DemoSub;

/* The constant parts of a line, CSV-quoted, each field followed by a comma. */
typedef struct
{
  const DemoMeter *meter;
  char            *product;  /* ProductId..SubscriptionId */
  char            *detail;   /* MeterType..UnitPrice */
  char            *extra;    /* PricingCurrency..AdditionalInfo */
  char            *ent;      /* EntitlementId, EntitlementDescription */
  char            *benefit;  /* BenefitOrderId..BenefitType, ending the line */
} DemoResource;

typedef struct
{
  guint64        rng;
  GString       *out;
  GOutputStream *stream;
  GCancellable  *cancellable;
  GArray        *customers;
  GArray        *subs;
  GArray        *resources;
  GHashTable    *domains;     /* keeps tenant domains unique */
  gint64         base_rate_e6;
  const char    *currency;
  int            total_days;
  int            day;         /* index of the usage day in the range */
  int            mday;
  gint64         rate_e6;
  char           invoice[16];
  char           dates[40];   /* ChargeStartDate,ChargeEndDate,UsageDate, */
  char           usage_date[16];
  guint64        rows;
} DemoGen;

/* splitmix64: tiny, fast, and the same sequence on every platform. */
static guint64
demo_mix (guint64 *state)
{
  guint64 z = (*state += G_GUINT64_CONSTANT (0x9e3779b97f4a7c15));

  z = (z ^ (z >> 30)) * G_GUINT64_CONSTANT (0xbf58476d1ce4e5b9);
  z = (z ^ (z >> 27)) * G_GUINT64_CONSTANT (0x94d049bb133111eb);
  return z ^ (z >> 31);
}

static guint
demo_range (DemoGen *gen,
            guint    n)
{
  return (guint) (demo_mix (&gen->rng) % n);
}

static void
demo_guid (guint64 *state,
           char     buf[37])
{
  guint64 hi = demo_mix (state);
  guint64 lo = demo_mix (state);

  g_snprintf (buf, 37, "%08x-%04x-4%03x-%04x-%012" G_GINT64_MODIFIER "x",
              (guint) (hi >> 32), (guint) (hi >> 16) & 0xffff, (guint) hi & 0xfff,
              0x8000 | ((guint) (lo >> 48) & 0x3fff), lo & G_GUINT64_CONSTANT (0xffffffffffff));
}

/* Numbers are written with integer arithmetic only, so no locale can turn
 * the decimal point into a comma; trailing zeros are dropped as the portal does. */
static gsize
demo_format_fixed (char   *buf,
                   double  value,
                   int     decimals)
{
  static const gint64 scales[] = { 1, 10, 100, 1000, 10000, 100000, 1000000, 10000000, 100000000 };
  char tmp[DEMO_NUM_LEN];
  char *p = tmp + sizeof tmp;
  gint64 v = llround (fabs (value) * scales[decimals]);
  gint64 whole = v / scales[decimals];
  gint64 frac = v % scales[decimals];

  for (; decimals > 0 && frac % 10 == 0; decimals--)
    frac /= 10;
  for (int i = 0; i < decimals; i++, frac /= 10)
    *--p = '0' + frac % 10;
  if (decimals > 0)
    *--p = '.';
  do
    *--p = '0' + whole % 10;
  while ((whole /= 10) > 0);
  if (value < 0 && v != 0)
    *--p = '-';
  memcpy (buf, p, tmp + sizeof tmp - p);
  buf[tmp + sizeof tmp - p] = '\0';
  return tmp + sizeof tmp - p;
}

/* Appends the number as a field, followed by its comma. */
static inline void
demo_append_fixed (GString *out,
                   double   value,
                   int      decimals)
{
  char buf[DEMO_NUM_LEN];
  gsize len = demo_format_fixed (buf, value, decimals);

  g_string_append_len (out, buf, len);
  g_string_append_c (out, ',');
}

static void
demo_append_csv (GString    *out,
                 const char *value)
{
  if (value[strcspn (value, ",\"\r\n")] == '\0')
    {
      g_string_append (out, value);
      return;
    }
  g_string_append_c (out, '"');
  for (const char *p = value; *p != '\0'; p++)
    {
      if (*p == '"')
        g_string_append_c (out, '"');
      g_string_append_c (out, *p);
    }
  g_string_append_c (out, '"');
}

/* Joins a NULL-terminated list of fields into CSV, each followed by a comma. */
static char *
demo_csv_join (const char *first,
               ...)
{
  GString *out = g_string_new (NULL);
  va_list args;

  va_start (args, first);
  for (const char *field = first; field != NULL; field = va_arg (args, const char *))
    {
      demo_append_csv (out, field);
      g_string_append_c (out, ',');
    }
  va_end (args);
  return g_string_free (out, FALSE);
}

static char *
demo_company_name (DemoGen           *gen,
                   const DemoCountry *country,
                   gboolean           quoted)
{
  const char *stem = country->stems[demo_range (gen, G_N_ELEMENTS (country->stems))];
  const char *trade = country->trades[demo_range (gen, G_N_ELEMENTS (country->trades))];
  const char *form = country->forms[demo_range (gen, G_N_ELEMENTS (country->forms))];

  /* Real tenant names carry commas and quotes: importers must cope. */
  if (quoted)
    return g_strdup_printf ("%s, \"%s\" %s", stem, trade, form);
  return g_strdup_printf ("%s %s %s", stem, trade, form);
}

static char *
demo_domain (DemoGen    *gen,
             const char *name)
{
  g_autofree char *ascii = g_str_to_ascii (name, "C");
  GString *label = g_string_new (NULL);
  gsize base_len;

  for (const char *p = ascii; *p != '\0' && label->len < 24; p++)
    if (g_ascii_isalnum (*p))
      g_string_append_c (label, g_ascii_tolower (*p));
  /* Tenant domains are unique: number the namesakes. */
  base_len = label->len;
  for (guint n = 2; g_hash_table_contains (gen->domains, label->str); n++)
    {
      g_string_truncate (label, base_len);
      g_string_append_printf (label, "%u", n);
    }
  g_hash_table_add (gen->domains, g_strdup (label->str));
  g_string_append (label, ".onmicrosoft.com");
  return g_string_free (label, FALSE);
}

static void
demo_meter_codes (guint  index,
                  char   product_id[16],
                  char   sku_id[8],
                  char   availability_id[16],
                  char   meter_id[37])
{
  static const char alphabet[] = "0123456789BCDFGHJKLMNPQRSTVWXZ";
  guint64 state = G_GUINT64_CONSTANT (0x5ec0ffee) + index;  /* meters do not depend on the seed */
  guint64 code = demo_mix (&state);

  g_snprintf (product_id, 16, "DZH318Z0%c%c%c%c", alphabet[code % 30], alphabet[(code >> 8) % 30],
              alphabet[(code >> 16) % 30], alphabet[(code >> 24) % 30]);
  g_snprintf (sku_id, 8, "%04u", (guint) (code >> 32) % 64);
  g_snprintf (availability_id, 16, "DZH318Z0%c%c%c%c", alphabet[(code >> 40) % 30],
              alphabet[(code >> 48) % 30], alphabet[(code >> 56) % 30], alphabet[index % 30]);
  demo_guid (&state, meter_id);
}

static char *
demo_benefit (DemoGen         *gen,
              const DemoMeter *meter)
{
  gboolean reserved = meter->kind == DEMO_RESERVATION;
  char order[37], id[37];
  g_autofree char *path = NULL;
  char *benefit;

  if (!reserved && meter->kind != DEMO_SAVINGS_PLAN)
    benefit = demo_csv_join ("", "", "Charge", NULL);
  else
    {
      demo_guid (&gen->rng, order);
      demo_guid (&gen->rng, id);
      path = g_strdup_printf (reserved
                              ? "/providers/Microsoft.Capacity/reservationOrders/%s/reservations/%s"
                              : "/providers/Microsoft.BillingBenefits/savingsPlanOrders/%s/savingsPlans/%s",
                              order, id);
      benefit = demo_csv_join (order, path, reserved ? "Reservation" : "SavingsPlan", NULL);
    }
  /* The last field ends the line, not a comma. */
  benefit[strlen (benefit) - 1] = '\n';
  return benefit;
}

/* ProductId..SubscriptionId; the codes belong to the meter, not to the seed. */
static char *
demo_product_fields (guint       index,
                     const char *plan_id,
                     char        meter_id[37])
{
  const DemoMeter *m = &demo_meters[index];
  gboolean third_party = m->kind == DEMO_MARKETPLACE;
  char product_id[16], sku_id[8], availability_id[16];
  g_autofree char *product = m->product != NULL ? g_strdup (m->product)
                             : g_str_equal (m->category, m->subcategory) ? g_strdup (m->category)
                             : g_strdup_printf ("%s %s", m->category, m->subcategory);

  demo_meter_codes (index, product_id, sku_id, availability_id, meter_id);
  return demo_csv_join (product_id, sku_id, availability_id, m->name, product,
                        third_party ? "Northgate Security Ltd" : "Microsoft",
                        third_party ? "40017328" : "", "Azure plan", plan_id, NULL);
}

static void
demo_add_resource (DemoGen           *gen,
                   guint              index,
                   guint              number,
                   const char        *plan_id,
                   const char        *entitlement,
                   const char *const *env,
                   const char *const *region)
{
  const DemoMeter *m = &demo_meters[index];
  DemoResource res = { m, NULL, NULL, NULL, NULL, NULL };
  char meter_id[37], price[DEMO_NUM_LEN];
  g_autofree char *service = g_strndup (m->provider, strcspn (m->provider, "/"));
  g_autofree char *rg = g_strdup_printf ("rg-%s-%s", env[1], region[1]);
  g_autofree char *uri = NULL, *tags = NULL, *info = NULL;

  uri = g_strdup_printf ("/subscriptions/%s/resourceGroups/%s/providers/%s/%s-%s-%02u",
                         entitlement, rg, m->provider, m->stem, env[1], number);
  tags = g_strdup_printf ("{\"environment\":\"%s\",\"costCenter\":\"CC-%u\"}",
                          env[1], 1000 + demo_range (gen, 9000));
  info = g_strdup_printf ("{\"ServiceType\":\"%s\",\"Location\":\"%s\"}", m->name, region[1]);
  demo_format_fixed (price, m->price, 8);
  res.product = demo_product_fields (index, plan_id, meter_id);
  res.detail = demo_csv_join (m->unit, m->category, meter_id, m->subcategory, m->name, region[0],
                              m->unit, region[1], service, rg, uri, "Usage", price, NULL);
  res.extra = demo_csv_join ("USD", "", "", tags, info, NULL);
  res.ent = demo_csv_join (entitlement, env[0], NULL);
  res.benefit = demo_benefit (gen, m);
  g_array_append_val (gen->resources, res);
}

static void
demo_add_sub (DemoGen           *gen,
              const DemoCountry *country,
              const char        *plan_id,
              guint              env_index)
{
  DemoSub sub = { G_MAXINT, G_MAXINT, 4 + demo_range (gen, 9) };
  const char *const *region = demo_regions[country->regions[demo_range (gen, 2)]];
  guint order[G_N_ELEMENTS (demo_meters)];
  char entitlement[37];

  demo_guid (&gen->rng, entitlement);
  /* About 12 % lose the partner's admin access on some day; a third get it back. */
  if (demo_range (gen, 100) < 12)
    {
      gboolean back = demo_range (gen, 3) == 0;

      sub.lost_from = demo_range (gen, MAX (gen->total_days - (back ? 12 : 0), 1));
      if (back)
        sub.regained = sub.lost_from + 2 + demo_range (gen, 9);
    }
  for (guint i = 0; i < G_N_ELEMENTS (order); i++)
    order[i] = i;
  for (guint i = 0; i < sub.n_resources; i++)
    {
      guint j = i + demo_range (gen, G_N_ELEMENTS (order) - i);
      guint picked = order[j];

      order[j] = order[i];
      order[i] = picked;
      demo_add_resource (gen, picked, i + 1, plan_id, entitlement,
                         demo_envs[env_index % G_N_ELEMENTS (demo_envs)], region);
    }
  g_array_append_val (gen->subs, sub);
}

static void
demo_add_customer (DemoGen    *gen,
                   guint       index,
                   const char *partner_id,
                   const char *mpn_id)
{
  const DemoCountry *country = &demo_countries[demo_range (gen, G_N_ELEMENTS (demo_countries))];
  g_autofree char *name = demo_company_name (gen, country, index % 7 == 3);
  g_autofree char *domain = demo_domain (gen, name);
  DemoCustomer customer = { NULL, index % 12 == 5, 1 + demo_range (gen, 4) };
  guint env = demo_range (gen, G_N_ELEMENTS (demo_envs));
  char id[37], plan_id[37], tier2[16] = "";

  demo_guid (&gen->rng, id);
  demo_guid (&gen->rng, plan_id);
  if (demo_range (gen, 10) < 3)
    g_snprintf (tier2, sizeof tier2, "%u", 1000000 + demo_range (gen, 6000000));
  customer.head = demo_csv_join (partner_id, "Lindeboom Cloud Services B.V.", id, name, domain,
                                 country->code, mpn_id, tier2, NULL);
  for (guint s = 0; s < customer.n_subs; s++)
    demo_add_sub (gen, country, plan_id, env + s);
  g_array_append_val (gen->customers, customer);
}

static void
demo_append_line (DemoGen            *gen,
                  const DemoCustomer *customer,
                  const DemoSub      *sub,
                  const DemoResource *res)
{
  const DemoMeter *m = res->meter;
  GString *out = gen->out;
  gint64 lo = llround (m->qty_min * 1e6), hi = llround (m->qty_max * 1e6);
  double quantity = (lo + (gint64) (demo_mix (&gen->rng) % (guint64) (hi - lo + 1))) / 1e6;
  gboolean credit = m->kind == DEMO_PAYG && customer->azure_credit && gen->mday == 1;
  gboolean pec = m->kind == DEMO_PAYG && !credit
                 && (gen->day < sub->lost_from || gen->day >= sub->regained);
  double effective = m->price;

  if (credit || (m->free_days && gen->mday <= 2))
    effective = 0;
  else if (pec)
    effective = nearbyint (m->price * 0.85 * 1e8) / 1e8;
  g_string_append (out, customer->head);
  g_string_append (out, gen->invoice);
  g_string_append (out, res->product);
  g_string_append (out, gen->dates);
  g_string_append (out, res->detail);
  demo_append_fixed (out, quantity, 6);
  g_string_append (out, m->unit);
  g_string_append_c (out, ',');
  /* Not rounded per line: that is what real files do. */
  demo_append_fixed (out, effective * quantity * gen->rate_e6 / 1e6, 8);
  g_string_append (out, gen->currency);
  g_string_append_c (out, ',');
  demo_append_fixed (out, effective * quantity, 8);
  g_string_append (out, res->extra);
  demo_append_fixed (out, effective, 8);
  demo_append_fixed (out, gen->rate_e6 / 1e6, 6);
  g_string_append (out, gen->usage_date);
  g_string_append (out, res->ent);
  g_string_append (out, credit ? ",100,Azure Credit Applied,"
                       : pec ? "15,15,Partner Earned Credit Applied," : ",,Credit Not Applied,");
  g_string_append (out, res->benefit);
}

static gboolean
demo_flush (DemoGen  *gen,
            GError  **error)
{
  gboolean ok = g_output_stream_write_all (gen->stream, gen->out->str, gen->out->len,
                                           NULL, gen->cancellable, error);

  g_string_truncate (gen->out, 0);
  return ok;
}

static gboolean
demo_write_day (DemoGen  *gen,
                GError  **error)
{
  guint s = 0, r = 0;

  for (guint c = 0; c < gen->customers->len; c++)
    {
      const DemoCustomer *customer = &g_array_index (gen->customers, DemoCustomer, c);

      for (guint i = 0; i < customer->n_subs; i++, s++)
        {
          const DemoSub *sub = &g_array_index (gen->subs, DemoSub, s);

          for (guint j = 0; j < sub->n_resources; j++, r++)
            {
              const DemoResource *res = &g_array_index (gen->resources, DemoResource, r);

              /* About one meter-day in ten has no usage at all. */
              if (demo_range (gen, 10) == 0)
                continue;
              demo_append_line (gen, customer, sub, res);
              if (++gen->rows % DEMO_CHECK_EVERY == 0
                  && g_cancellable_set_error_if_cancelled (gen->cancellable, error))
                return FALSE;
              if (gen->out->len >= DEMO_FLUSH_SIZE && !demo_flush (gen, error))
                return FALSE;
            }
        }
    }
  return TRUE;
}

static gboolean
demo_write_month (DemoGen   *gen,
                  int        year,
                  int        month,
                  gboolean   billed,
                  GError   **error)
{
  guint days = g_date_get_days_in_month (month, year);

  /* Only the current, unbilled month has no invoice yet. */
  if (billed)
    g_snprintf (gen->invoice, sizeof gen->invoice, "G%09u,",
                100000000 + demo_range (gen, 900000000));
  else
    g_strlcpy (gen->invoice, ",", sizeof gen->invoice);
  for (gen->mday = 1; gen->mday <= (int) days; gen->mday++, gen->day++)
    {
      g_snprintf (gen->usage_date, sizeof gen->usage_date, "%02d/%02d/%04d,",
                  month, gen->mday, year);
      g_snprintf (gen->dates, sizeof gen->dates, "%02d/01/%04d,%02d/%02u/%04d,%s",
                  month, year, month, days, year, gen->usage_date);
      gen->rate_e6 = gen->base_rate_e6;
      if (gen->base_rate_e6 != 1000000)
        gen->rate_e6 += (gint64) demo_range (gen, 4001) - 2000;
      if (!demo_write_day (gen, error))
        return FALSE;
    }
  return TRUE;
}

static void
demo_resource_clear (gpointer data)
{
  DemoResource *res = data;

  g_free (res->product);
  g_free (res->detail);
  g_free (res->extra);
  g_free (res->ent);
  g_free (res->benefit);
}

static void
demo_customer_clear (gpointer data)
{
  g_free (((DemoCustomer *) data)->head);
}

static void
demo_gen_clear (DemoGen *gen)
{
  g_clear_pointer (&gen->customers, g_array_unref);
  g_clear_pointer (&gen->subs, g_array_unref);
  g_clear_pointer (&gen->resources, g_array_unref);
  g_clear_pointer (&gen->domains, g_hash_table_unref);
  if (gen->out != NULL)
    g_string_free (g_steal_pointer (&gen->out), TRUE);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (DemoGen, demo_gen_clear)

static void
demo_gen_init (DemoGen                *gen,
               const PecanDemoOptions *options,
               guint                   currency)
{
  char partner_id[37], mpn_id[16];

  gen->rng = options->seed;
  gen->customers = g_array_new (FALSE, FALSE, sizeof (DemoCustomer));
  g_array_set_clear_func (gen->customers, demo_customer_clear);
  gen->subs = g_array_new (FALSE, FALSE, sizeof (DemoSub));
  gen->resources = g_array_new (FALSE, FALSE, sizeof (DemoResource));
  g_array_set_clear_func (gen->resources, demo_resource_clear);
  gen->domains = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  gen->currency = demo_currencies[currency].code;
  gen->base_rate_e6 = demo_currencies[currency].rate_e6;
  for (guint i = 0; i < options->months; i++)
    {
      guint month = options->first_month - 1 + i;

      gen->total_days += g_date_get_days_in_month (month % 12 + 1, options->first_year + month / 12);
    }
  demo_guid (&gen->rng, partner_id);
  g_snprintf (mpn_id, sizeof mpn_id, "%u", 1000000 + demo_range (gen, 6000000));
  for (guint i = 0; i < options->customers; i++)
    demo_add_customer (gen, i, partner_id, mpn_id);
}

static gboolean
demo_generate (GOutputStream           *stream,
               const PecanDemoOptions  *options,
               guint                    currency,
               GCancellable            *cancellable,
               GError                 **error)
{
  g_auto(DemoGen) gen = { 0 };
  int first = options->first_year * 12 + options->first_month - 1;

  demo_gen_init (&gen, options, currency);
  gen.stream = stream;
  gen.cancellable = cancellable;
  gen.out = g_string_sized_new (DEMO_FLUSH_SIZE + 65536);
  g_string_append (gen.out, DEMO_HEADER);
  for (guint i = 0; i < options->months; i++)
    {
      gboolean billed = i + 1 < options->months;

      if (!demo_write_month (&gen, (first + i) / 12, (first + i) % 12 + 1, billed, error))
        return FALSE;
    }
  return demo_flush (&gen, error);
}

static gboolean
demo_check_options (const PecanDemoOptions  *options,
                    guint                   *currency,
                    GError                 **error)
{
  const char *code = options->currency != NULL ? options->currency : "EUR";

  if (options->first_month < 1 || options->first_month > 12 || options->first_year < 1970
      || options->first_year > 9000 || options->months < 1 || options->months > 120)
    {
      g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
                   _("The period of the demo data is not valid"));
      return FALSE;
    }
  for (*currency = 0; *currency < G_N_ELEMENTS (demo_currencies); (*currency)++)
    if (g_ascii_strcasecmp (code, demo_currencies[*currency].code) == 0)
      return TRUE;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_INVALID_ARGUMENT,
               _("Demo data cannot be billed in “%s”: use EUR, GBP or USD"), code);
  return FALSE;
}

/* A sibling temporary file, renamed over the target only when complete:
 * g_file_replace() writes a new file in place, so it would show (and leave)
 * a partial file when the target does not exist yet. */
static GFileOutputStream *
demo_create_temp (GFile         *target,
                  GFile        **out_temp,
                  GCancellable  *cancellable,
                  GError       **error)
{
  g_autoptr(GFile) parent = g_file_get_parent (target);
  g_autofree char *base = g_file_get_basename (target);

  if (parent == NULL)
    {
      g_set_error_literal (error, G_IO_ERROR, G_IO_ERROR_IS_DIRECTORY, _("This is a folder"));
      return NULL;
    }
  for (guint attempt = 0;; attempt++)
    {
      g_autofree char *name = g_strdup_printf (".%s.%08x.part", base, g_random_int ());
      g_autoptr(GFile) temp = g_file_get_child (parent, name);
      g_autoptr(GError) local_error = NULL;
      GFileOutputStream *stream;

      stream = g_file_create (temp, G_FILE_CREATE_NONE, cancellable, &local_error);

      if (stream != NULL)
        {
          *out_temp = g_steal_pointer (&temp);
          return stream;
        }
      if (attempt >= 8 || !g_error_matches (local_error, G_IO_ERROR, G_IO_ERROR_EXISTS))
        {
          g_propagate_error (error, g_steal_pointer (&local_error));
          return NULL;
        }
    }
}

/**
 * pecan_demo_options_init:
 * @options: (out caller-allocates): the options to fill
 *
 * Fills @options with the defaults: 25 customers, the three months that end
 * with the month before the current one, seed 1, billed in EUR.
 */
void
pecan_demo_options_init (PecanDemoOptions *options)
{
  g_autoptr(GDateTime) now = g_date_time_new_now_local ();
  int first = g_date_time_get_year (now) * 12 + g_date_time_get_month (now) - 1 - 3;

  g_return_if_fail (options != NULL);

  options->customers = 25;
  options->first_year = first / 12;
  options->first_month = first % 12 + 1;
  options->months = 3;
  options->seed = 1;
  options->currency = "EUR";
}

/**
 * pecan_demo_write:
 * @path: the CSV file to write (replaced if it exists)
 * @options: (nullable): what to generate; %NULL for the defaults
 * @cancellable: (nullable): a #GCancellable
 * @error: return location for a #GError
 *
 * Writes a Partner Center daily rated usage file (55 columns, UTF-8, LF)
 * with made-up customers, the same bytes for the same @options. The last
 * month is unbilled. The file appears only when complete: on error or
 * cancellation nothing is left behind.
 *
 * Returns: %TRUE on success
 */
gboolean
pecan_demo_write (const char              *path,
                  const PecanDemoOptions  *options,
                  GCancellable            *cancellable,
                  GError                 **error)
{
  g_autoptr(GFile) target = NULL;
  g_autoptr(GFile) temp = NULL;
  g_autoptr(GFileOutputStream) stream = NULL;
  g_autoptr(GError) local_error = NULL;
  g_autofree char *display = NULL;
  PecanDemoOptions defaults;
  guint currency = 0;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (options == NULL)
    {
      pecan_demo_options_init (&defaults);
      options = &defaults;
    }
  target = g_file_new_for_path (path);
  if (demo_check_options (options, &currency, &local_error)
      && (stream = demo_create_temp (target, &temp, cancellable, &local_error)) != NULL
      && demo_generate (G_OUTPUT_STREAM (stream), options, currency, cancellable, &local_error)
      && g_output_stream_close (G_OUTPUT_STREAM (stream), cancellable, &local_error)
      && g_file_move (temp, target, G_FILE_COPY_OVERWRITE | G_FILE_COPY_NO_FALLBACK_FOR_MOVE,
                      cancellable, NULL, NULL, &local_error))
    return TRUE;

  if (temp != NULL)
    {
      g_output_stream_close (G_OUTPUT_STREAM (stream), NULL, NULL);
      g_file_delete (temp, NULL, NULL);
    }
  display = g_filename_display_name (path);
  g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                              _("Could not write the demo file “%s”: "), display);
  return FALSE;
}
