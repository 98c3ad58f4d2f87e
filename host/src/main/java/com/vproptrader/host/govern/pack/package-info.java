/**
 * The rule pack: one prop-firm program's limits as data ({@code rulepacks/<name>.json}), read by
 * {@link com.vproptrader.host.govern.pack.RulePackLoader}, which refuses a bad or incomplete pack with a
 * {@link com.vproptrader.host.govern.pack.RulePackException} naming the field. Each rule family is a record of
 * {@link com.vproptrader.host.govern.pack.RulePack}; the governors read them, nothing here decides.
 */
package com.vproptrader.host.govern.pack;
