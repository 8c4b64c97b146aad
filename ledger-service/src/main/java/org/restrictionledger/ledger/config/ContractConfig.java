package org.restrictionledger.ledger.config;

import io.smallrye.config.ConfigMapping;

/** Where partners find the contract this ledger publishes. Default: {@code application.properties}. */
@ConfigMapping(prefix = "ledger.contract")
public interface ContractConfig {

    /**
     * The public URL under which {@code /contract} of this ledger is reachable, without a trailing slash: each event's
     * {@code ce_dataschema} is {@code <base-url>/schemas/<type>.v1.json}. By default the ledger's own address on
     * localhost; behind an ingress or a CDN, set it to the address partners use ({@code LEDGER_CONTRACT_BASE_URL}).
     */
    String baseUrl();
}
