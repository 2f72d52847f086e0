// Generated from the served /openapi.json by `npm run client:generate`: do not edit by hand.
// A test (src/client/client-types.test.ts) fails when this file and the served document disagree.
export interface paths {
    "/admin/analytics/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cart conversion and abandoned carts */
        get: {
            parameters: {
                query: {
                    abandoned_after_hours: number;
                    from?: components["parameters"]["query-from"];
                    granularity: components["parameters"]["query-granularity"];
                    time_zone?: components["parameters"]["query-time_zone"];
                    to?: components["parameters"]["query-to"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                abandoned: number;
                                carts: number;
                                carts_with_items: number;
                                conversion_rate: number;
                                ordered: number;
                                period: string;
                            }[];
                            from: string;
                            granularity: string;
                            time_zone: string;
                            to: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** New and returning buyers, cohorts */
        get: {
            parameters: {
                query: {
                    from?: components["parameters"]["query-from"];
                    granularity: components["parameters"]["query-granularity"];
                    time_zone?: components["parameters"]["query-time_zone"];
                    to?: components["parameters"]["query-to"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            cohorts: {
                                active: {
                                    customers: number;
                                    month: number;
                                }[];
                                cohort: string;
                                customers: number;
                            }[];
                            customers: number;
                            data: {
                                customers: number;
                                new_customers: number;
                                orders_new: number;
                                orders_returning: number;
                                period: string;
                                returning_customers: number;
                            }[];
                            from: string;
                            granularity: string;
                            repeat_customers: number;
                            repeat_purchase_rate: number;
                            time_zone: string;
                            to: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales per product, variant or collection */
        get: {
            parameters: {
                query: {
                    /** @description ISO 4217 (USD); any case accepted, returned upper case */
                    currency_code?: components["parameters"]["query-currency_code-2"];
                    from?: components["parameters"]["query-from"];
                    group_by: "product" | "variant" | "collection";
                    limit: components["parameters"]["query-limit"];
                    time_zone?: components["parameters"]["query-time_zone"];
                    to?: components["parameters"]["query-to"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                currency_code: string;
                                discounts: number;
                                gross_sales: number;
                                id: string | null;
                                net_sales: number;
                                orders: number;
                                returned_units: number;
                                sku: string | null;
                                title: string | null;
                                units: number;
                            }[];
                            from: string;
                            group_by: string;
                            time_zone: string;
                            to: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Refunds and returns by reason */
        get: {
            parameters: {
                query?: {
                    /** @description ISO 4217 (USD); any case accepted, returned upper case */
                    currency_code?: components["parameters"]["query-currency_code-2"];
                    from?: components["parameters"]["query-from"];
                    time_zone?: components["parameters"]["query-time_zone"];
                    to?: components["parameters"]["query-to"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: string;
                            refunds: {
                                amount: number;
                                currency_code: string;
                                reason: string;
                                refunds: number;
                            }[];
                            returns: {
                                reason: string;
                                received_units: number;
                                returns: number;
                                units: number;
                            }[];
                            time_zone: string;
                            to: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/analytics/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales per period and currency */
        get: {
            parameters: {
                query: {
                    /** @description ISO 4217 (USD); any case accepted, returned upper case */
                    currency_code?: components["parameters"]["query-currency_code-2"];
                    from?: components["parameters"]["query-from"];
                    granularity: components["parameters"]["query-granularity"];
                    time_zone?: components["parameters"]["query-time_zone"];
                    to?: components["parameters"]["query-to"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                average_order_value: number;
                                currency_code: string;
                                discounts: number;
                                gross_sales: number;
                                net_sales: number;
                                orders: number;
                                period: string;
                                refunds: number;
                                shipping: number;
                                tax: number;
                                total_sales: number;
                            }[];
                            from: string;
                            granularity: string;
                            time_zone: string;
                            to: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api-keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** API keys (never their tokens) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                created_by: string;
                                id: string;
                                /** Format: date-time */
                                last_used_at: string | null;
                                last4: string;
                                name: string;
                                permissions: string[];
                                /** Format: date-time */
                                revoked_at: string | null;
                            }[];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create an API key with some of your permissions; the token is shown this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                        permissions: string[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            id: string;
                            /** Format: date-time */
                            last_used_at: string | null;
                            last4: string;
                            name: string;
                            permissions: string[];
                            /** Format: date-time */
                            revoked_at: string | null;
                            token: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/api-keys/{id}/revoke": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Revoke an API key (it stops working at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (key_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            id: string;
                            /** Format: date-time */
                            last_used_at: string | null;
                            last4: string;
                            name: string;
                            permissions: string[];
                            /** Format: date-time */
                            revoked_at: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-50"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/assistant/settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shopping assistant's settings: its policy texts */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policies: {
                                /** @description what the assistant answers contact questions with */
                                contact?: string;
                                /** @description what the assistant answers payments questions with */
                                payments?: string;
                                /** @description what the assistant answers returns questions with */
                                returns?: string;
                                /** @description what the assistant answers shipping questions with */
                                shipping?: string;
                                /** @description what the assistant answers warranty questions with */
                                warranty?: string;
                            };
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Set the assistant's policy texts (shipping, returns, payments, warranty, contact) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the topics given are set (null or empty: removed); the others stay */
                        policies: {
                            /** @description what the assistant answers contact questions with */
                            contact?: string | null;
                            /** @description what the assistant answers payments questions with */
                            payments?: string | null;
                            /** @description what the assistant answers returns questions with */
                            returns?: string | null;
                            /** @description what the assistant answers shipping questions with */
                            shipping?: string | null;
                            /** @description what the assistant answers warranty questions with */
                            warranty?: string | null;
                        };
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            policies: {
                                /** @description what the assistant answers contact questions with */
                                contact?: string;
                                /** @description what the assistant answers payments questions with */
                                payments?: string;
                                /** @description what the assistant answers returns questions with */
                                returns?: string;
                                /** @description what the assistant answers shipping questions with */
                                shipping?: string;
                                /** @description what the assistant answers warranty questions with */
                                warranty?: string;
                            };
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        trace?: never;
    };
    "/admin/audit-log": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every Admin API write: who, what, which resource, before and after (append-only) */
        get: {
            parameters: {
                query: {
                    action?: string;
                    actor_id?: string;
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    resource_id?: string;
                    resource_type?: string;
                    since?: string;
                    until?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                action: string;
                                actor_id: string;
                                actor_type: string;
                                changes: {
                                    [key: string]: unknown;
                                };
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                request_id: string;
                                resource_id: string | null;
                                resource_type: string | null;
                                status: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in with email and password; returns a bearer token */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            csrf_token: string;
                            /** Format: date-time */
                            expires_at: string;
                            token: string;
                            user: components["schemas"]["StaffUser"];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session (its token stops working) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/auth/session": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Who is calling: the staff member (or API key), their permissions and, for a cookie session, its CSRF token */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actor: {
                                id: string;
                                /** @enum {string} */
                                kind: "user" | "api_key" | "system";
                            };
                            /** @description For a session sent as the cookie: the X-CSRF-Token its writes need (null otherwise) */
                            csrf_token: string | null;
                            permissions: string[];
                            user: components["schemas"]["StaffUser"] | null;
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List campaigns in creation order */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                budgets: {
                                    amount: number;
                                    currency_code: string;
                                    used: number;
                                }[];
                                /** Format: date-time */
                                created_at: string;
                                description: string | null;
                                /** @description the discount its promotions gave, per currency */
                                discount_given: {
                                    amount: number;
                                    currency_code: string;
                                }[];
                                /** Format: date-time */
                                ends_at: string | null;
                                id: string;
                                name: string;
                                /** @description orders placed with one of its promotions */
                                order_count: number;
                                promotion_ids: string[];
                                /** Format: date-time */
                                starts_at: string | null;
                                /** Format: date-time */
                                updated_at: string;
                                /** @description uses of its promotions counted against it (a canceled order gives its use back) */
                                usage_count: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a campaign: shared dates and budgets for the promotions put in it (campaign_id) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the most discount its promotions may give together, per currency; with budgets, its promotions apply only in those currencies */
                        budgets?: components["schemas"]["PriceInput"][];
                        description?: string | null;
                        /**
                         * Format: date-time
                         * @description its promotions stop applying then
                         */
                        ends_at?: string | null;
                        name: string;
                        /**
                         * Format: date-time
                         * @description its promotions apply from then (and from their own starts_at)
                         */
                        starts_at?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            budgets: {
                                amount: number;
                                currency_code: string;
                                used: number;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** @description the discount its promotions gave, per currency */
                            discount_given: {
                                amount: number;
                                currency_code: string;
                            }[];
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            /** @description orders placed with one of its promotions */
                            order_count: number;
                            promotion_ids: string[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description uses of its promotions counted against it (a canceled order gives its use back) */
                            usage_count: number;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/campaigns/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One campaign, with its uses, orders and the discount it gave */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (camp_…) */
                    id: components["parameters"]["path-id-camp"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            budgets: {
                                amount: number;
                                currency_code: string;
                                used: number;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** @description the discount its promotions gave, per currency */
                            discount_given: {
                                amount: number;
                                currency_code: string;
                            }[];
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            /** @description orders placed with one of its promotions */
                            order_count: number;
                            promotion_ids: string[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description uses of its promotions counted against it (a canceled order gives its use back) */
                            usage_count: number;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-31"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a campaign (budgets replaces the whole set; none below what was given) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (camp_…) */
                    id: components["parameters"]["path-id-camp"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the most discount its promotions may give together, per currency; with budgets, its promotions apply only in those currencies */
                        budgets?: components["schemas"]["PriceInput"][];
                        description?: string | null;
                        /**
                         * Format: date-time
                         * @description its promotions stop applying then
                         */
                        ends_at?: string | null;
                        name?: string;
                        /**
                         * Format: date-time
                         * @description its promotions apply from then (and from their own starts_at)
                         */
                        starts_at?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            budgets: {
                                amount: number;
                                currency_code: string;
                                used: number;
                            }[];
                            /** Format: date-time */
                            created_at: string;
                            description: string | null;
                            /** @description the discount its promotions gave, per currency */
                            discount_given: {
                                amount: number;
                                currency_code: string;
                            }[];
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            /** @description orders placed with one of its promotions */
                            order_count: number;
                            promotion_ids: string[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /** Format: date-time */
                            updated_at: string;
                            /** @description uses of its promotions counted against it (a canceled order gives its use back) */
                            usage_count: number;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a campaign with no promotions and no uses */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (camp_…) */
                    id: components["parameters"]["path-id-camp"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-34"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/carriers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The carriers this shop is set up with, and what each can do */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Carrier"][];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The category tree, depth first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description id (pcat_…) */
                    parent_id?: components["parameters"]["query-parent_id-pcat"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Category"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a category */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description URL-safe: lower-case letters, digits, dashes */
                        handle?: string;
                        metadata?: components["schemas"]["Metadata"];
                        name: string;
                        /** @description id (pcat_…) */
                        parent_id?: string | null;
                        position?: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Category-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-3"];
                409: components["responses"]["409-19"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/categories/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (pcat_…) */
                    id: components["parameters"]["path-id-pcat"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Category"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-3"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update or move a category */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (pcat_…) */
                    id: components["parameters"]["path-id-pcat"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description URL-safe: lower-case letters, digits, dashes */
                        handle?: string;
                        metadata?: components["schemas"]["Metadata"];
                        name?: string;
                        /** @description id (pcat_…) */
                        parent_id?: string | null;
                        position?: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Category"];
                400: components["responses"]["400-22"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-3"];
                409: components["responses"]["409-19"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a category without subcategories */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (pcat_…) */
                    id: components["parameters"]["path-id-pcat"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-3"];
                409: components["responses"]["409-20"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List collections */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Collection"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a collection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description URL-safe: lower-case letters, digits, dashes */
                        handle?: string;
                        metadata?: components["schemas"]["Metadata"];
                        title: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Collection-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-18"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/collections/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One collection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (pcol_…) */
                    id: components["parameters"]["path-id-pcol"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Collection"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a collection */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (pcol_…) */
                    id: components["parameters"]["path-id-pcol"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string;
                        /** @description URL-safe: lower-case letters, digits, dashes */
                        handle?: string;
                        metadata?: components["schemas"]["Metadata"];
                        title?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Collection"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-2"];
                409: components["responses"]["409-18"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a collection (its products stay) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (pcol_…) */
                    id: components["parameters"]["path-id-pcol"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-2"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customer-groups": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Customer groups */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                member_count: number;
                                name: string;
                            }[];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a group (later issues price by group) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            member_count: number;
                            name: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-53"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customer-groups/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Delete a group (its members stay customers) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cgrp_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-43"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List customers, newest first; find one by email (exact) or by group */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    email?: string;
                    /** @description id (cgrp_…) */
                    group_id?: string;
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Customer"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer with recent orders and lifetime value per currency */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["CustomerDetail"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-44"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Edit a customer; group_ids replaces their groups */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        first_name?: string;
                        group_ids?: string[];
                        last_name?: string;
                        metadata?: {
                            [key: string]: unknown;
                        };
                        phone?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["CustomerDetail"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-45"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers/{id}/anonymize": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Erase the customer’s personal data (GDPR); orders and totals stay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-44"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers/{id}/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything the shop holds about a customer, for a data-access or portability request (GDPR) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Everything the shop holds about a customer (GDPR access and portability) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addresses: components["schemas"]["AddressBookEntry"][];
                            customer: components["schemas"]["Customer"];
                            /** Format: date-time */
                            exported_at: string;
                            /** @enum {string} */
                            format: "cartwright.customer_export";
                            marketing_consent: components["schemas"]["MarketingConsent"];
                            /** @description every order placed, oldest first, as GET /store/orders/:id returns it */
                            orders: components["schemas"]["Order"][];
                            /** @description of this document’s layout: 1 */
                            version: number;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-44"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers/{id}/marketing-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s marketing consent and its history */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["MarketingConsent"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-44"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Record consent a customer gave or withdrew outside the storefront */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsentInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["MarketingConsent"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers/{id}/store-credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A customer’s store credit per currency, with its movements */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balances: {
                                balance: number;
                                currency_code: string;
                                id: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            customer_id: string;
                            /** @description newest first, the last 100 */
                            movements: {
                                /** @description the staff id, or checkout / refund */
                                actor: string;
                                /** @description signed, minor units */
                                amount: number;
                                balance_after: number;
                                balance_before: number;
                                /** Format: date-time */
                                created_at: string;
                                gift_card_id: string;
                                id: string;
                                /** @description issue, adjust, grant, debit, redeem, restore, refund */
                                kind: string;
                                order_id: string | null;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Grant (amount > 0) or debit (amount < 0) a customer’s store credit, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cus_…) */
                    id: components["parameters"]["path-id-cus"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description minor units: positive adds, negative takes */
                        amount: number;
                        currency_code: components["schemas"]["CurrencyCode"];
                        /** @description why (kept in the movement log) */
                        reason: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balances: {
                                balance: number;
                                currency_code: string;
                                id: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            customer_id: string;
                            /** @description newest first, the last 100 */
                            movements: {
                                /** @description the staff id, or checkout / refund */
                                actor: string;
                                /** @description signed, minor units */
                                amount: number;
                                balance_after: number;
                                balance_before: number;
                                /** Format: date-time */
                                created_at: string;
                                gift_card_id: string;
                                id: string;
                                /** @description issue, adjust, grant, debit, redeem, restore, refund */
                                kind: string;
                                order_id: string | null;
                                reason: string | null;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-35"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/customers/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Add every customer a filter matches to a group, or take them out of it: all of them or none
         * @description The filter takes the fields of `GET /admin/customers`. At most 1,000 customers (400 `bulk_too_many`); with `expected_count` another count refuses the action (409 `bulk_count_changed`). Accepts an `Idempotency-Key`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @enum {string} */
                        action: "add_to_group" | "remove_from_group";
                        /**
                         * @description count and say what would change, change nothing
                         * @default false
                         */
                        dry_run?: boolean;
                        /** @description how many customers the caller was shown as matching; another count refuses the action (409 `bulk_count_changed`) */
                        expected_count?: number;
                        /** @description the customers to change: the fields of `GET /admin/customers` (`{}` is every customer) */
                        filter: {
                            email?: string;
                            /** @description id (cgrp_…) */
                            group_id?: string;
                        };
                        /** @description id (cgrp_…) */
                        group_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            changed: number;
                            changed_ids: string[];
                            dry_run: boolean;
                            matched: number;
                            /** @description already in (or out of) the group: no change, no event */
                            unchanged: number;
                        };
                    };
                };
                400: components["responses"]["400-34"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-43"];
                409: components["responses"]["409-13"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/draft-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List draft orders, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    status?: "open" | "sent" | "completed" | "canceled";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                canceled_at: string | null;
                                cart_id: string;
                                /** Format: date-time */
                                completed_at: string | null;
                                /** Format: date-time */
                                created_at: string;
                                created_by: string;
                                id: string;
                                note: string | null;
                                order_id: string | null;
                                /** Format: date-time */
                                sent_at: string | null;
                                /** @description open, sent, completed or canceled */
                                status: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a draft order: lines (custom prices with a reason), addresses, shipping */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        billing_address?: components["schemas"]["AddressInput"] | null;
                        currency_code?: components["schemas"]["CurrencyCode"];
                        /** Format: email */
                        email: string;
                        lines: {
                            price_reason?: string;
                            quantity: number;
                            /** @description minor units */
                            unit_price?: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                        note?: string;
                        /** @description id (reg_…) */
                        region_id?: string;
                        shipping_address: components["schemas"]["AddressInput"];
                        /** @description id (so_…) */
                        shipping_option_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["DraftOrder"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-41"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/draft-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A draft order */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (dord_…) */
                    id: components["parameters"]["path-id-dord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["DraftOrder-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-42"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/draft-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a draft order: its payment link stops working */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (dord_…) */
                    id: components["parameters"]["path-id-dord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["DraftOrder-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-52"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/draft-orders/{id}/mark-paid": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Complete the draft as paid with the manual provider: the order is placed and captured */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (dord_…) */
                    id: components["parameters"]["path-id-dord"];
                };
                cookie?: never;
            };
            /** @description How it was paid (a cheque number, a transfer reference), kept on the order’s timeline */
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            draft_order: components["schemas"]["DraftOrder"];
                            order: components["schemas"]["OrderDetail"];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-52"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/draft-orders/{id}/send": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the draft as a payment link: the customer completes its cart through the Store API */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (dord_…) */
                    id: components["parameters"]["path-id-dord"];
                };
                cookie?: never;
            };
            /** @description A message for the customer, carried by the draft_order.sent event */
            requestBody: {
                content: {
                    "application/json": {
                        message?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            draft_order: components["schemas"]["DraftOrder"];
                            payment_link: {
                                /** @description the cart the customer completes through the Store API (payment, complete) */
                                cart_id: string;
                            };
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/events/subscriptions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Each event subscriber's progress through the outbox: how far behind, since when, failing or not */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description failed attempts at the event after `position` (0: healthy) */
                                attempts: number;
                                /** @description sequenced events it has not handled yet */
                                behind: number;
                                last_error: string | null;
                                /** @description the process holding its lease (host:pid:tag) */
                                locked_by: string | null;
                                /** Format: date-time */
                                locked_until: string | null;
                                /** @description the subscriber (webhooks, order-emails, …) */
                                name: string;
                                /** Format: date-time */
                                next_attempt_at: string;
                                /** Format: date-time */
                                oldest_waiting_at: string | null;
                                /** @description the last event position it has handled */
                                position: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            /** @description committed events not yet given a position (the dispatcher does that first) */
                            unsequenced: number;
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/forecasts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A variant's daily demand forecast per location */
        get: {
            parameters: {
                query: {
                    horizon: number;
                    lead_time_days?: number;
                    /** @description id (sloc_…) */
                    location_id?: components["parameters"]["query-location_id-sloc"];
                    service_level?: number;
                    /** @description id (var_…) */
                    variant_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                available: number;
                                forecast: {
                                    date: string;
                                    lower: number;
                                    mean: number;
                                    upper: number;
                                }[];
                                history: {
                                    date: string;
                                    units: number;
                                }[];
                                location_id: string;
                                method: string;
                                params: {
                                    alpha: number;
                                    beta: number;
                                    gamma: number;
                                    phi: number;
                                } | null;
                                reorder: {
                                    below_reorder_point: boolean;
                                    days_of_cover: number | null;
                                    lead_time_days: number;
                                    mean_daily_demand: number;
                                    reorder_point: number;
                                    safety_stock: number;
                                    service_level: number;
                                    suggested_quantity: number;
                                };
                                sigma: number;
                                variant_id: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-25"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List gift cards, newest first (code finds one by its full code) */
        get: {
            parameters: {
                query: {
                    /** @description a gift card code, in any case, with or without dashes */
                    code?: string;
                    cursor?: components["parameters"]["query-cursor"];
                    /** @description id (cus_…) */
                    customer_id?: string;
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                balance: number;
                                /** Format: date-time */
                                created_at: string;
                                created_by: string;
                                currency_code: string;
                                customer_id: string | null;
                                /** Format: date-time */
                                expires_at: string | null;
                                id: string;
                                initial_value: number;
                                last4: string;
                                note: string | null;
                                /** @description active or disabled */
                                status: string;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Issue a gift card: the answer shows its code, this once */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the initial value, minor units */
                        amount: number;
                        currency_code: components["schemas"]["CurrencyCode"];
                        /** @description id (cus_…) */
                        customer_id?: string | null;
                        /** Format: date-time */
                        expires_at?: string | null;
                        note?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            /** @description shown this once: only its hash is kept */
                            code: string;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency_code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            initial_value: number;
                            last4: string;
                            note: string | null;
                            /** @description active or disabled */
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/gift-cards/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One gift card with its balance movements */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (gc_…) */
                    id: components["parameters"]["path-id-gc"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency_code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            initial_value: number;
                            last4: string;
                            /** @description newest first, the last 100 */
                            movements: {
                                /** @description the staff id, or checkout / refund */
                                actor: string;
                                /** @description signed, minor units */
                                amount: number;
                                balance_after: number;
                                balance_before: number;
                                /** Format: date-time */
                                created_at: string;
                                gift_card_id: string;
                                id: string;
                                /** @description issue, adjust, grant, debit, redeem, restore, refund */
                                kind: string;
                                order_id: string | null;
                                reason: string | null;
                            }[];
                            note: string | null;
                            /** @description active or disabled */
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Disable or re-enable a gift card, change its expiry or note */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (gc_…) */
                    id: components["parameters"]["path-id-gc"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: date-time */
                        expires_at?: string | null;
                        note?: string | null;
                        /** @enum {string} */
                        status?: "active" | "disabled";
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency_code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            initial_value: number;
                            last4: string;
                            /** @description newest first, the last 100 */
                            movements: {
                                /** @description the staff id, or checkout / refund */
                                actor: string;
                                /** @description signed, minor units */
                                amount: number;
                                balance_after: number;
                                balance_before: number;
                                /** Format: date-time */
                                created_at: string;
                                gift_card_id: string;
                                id: string;
                                /** @description issue, adjust, grant, debit, redeem, restore, refund */
                                kind: string;
                                order_id: string | null;
                                reason: string | null;
                            }[];
                            note: string | null;
                            /** @description active or disabled */
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/gift-cards/{id}/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add to or take from a gift card’s balance, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (gc_…) */
                    id: components["parameters"]["path-id-gc"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description minor units: positive adds, negative takes */
                        amount: number;
                        /** @description why (kept in the movement log) */
                        reason: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            balance: number;
                            /** Format: date-time */
                            created_at: string;
                            created_by: string;
                            currency_code: string;
                            customer_id: string | null;
                            /** Format: date-time */
                            expires_at: string | null;
                            id: string;
                            initial_value: number;
                            last4: string;
                            /** @description newest first, the last 100 */
                            movements: {
                                /** @description the staff id, or checkout / refund */
                                actor: string;
                                /** @description signed, minor units */
                                amount: number;
                                balance_after: number;
                                balance_before: number;
                                /** Format: date-time */
                                created_at: string;
                                gift_card_id: string;
                                id: string;
                                /** @description issue, adjust, grant, debit, redeem, restore, refund */
                                kind: string;
                                order_id: string | null;
                                reason: string | null;
                            }[];
                            note: string | null;
                            /** @description active or disabled */
                            status: string;
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-35"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/adjustments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Adjust on hand by a delta, or set it to a count, with a reason */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description signed change of on_hand (not 0); give delta or set */
                        delta?: number;
                        /** @description id (sloc_…) */
                        location_id: string;
                        /** @description lot_id, or lot_number with expires_at, unit_cost and currency_code (together), supplier_id; only for units added */
                        lot?: {
                            currency_code?: components["schemas"]["CurrencyCode"];
                            /** Format: date-time */
                            expires_at?: string | null;
                            /** @description id (lot_…) */
                            lot_id?: string;
                            /** @description a new lot's number */
                            lot_number?: string;
                            /** @description id (sup_…) */
                            supplier_id?: string;
                            /** @description minor units */
                            unit_cost?: number;
                        };
                        note?: string;
                        /**
                         * @description received · damaged · lost · count_correction · returned · other
                         * @enum {string}
                         */
                        reason: "received" | "damaged" | "lost" | "count_correction" | "returned" | "other";
                        /** @description the counted on_hand; give delta or set */
                        set?: number;
                        /** @description id (var_…) */
                        variant_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description how much on_hand changed (0 when a count confirmed the figure) */
                            change: number;
                            /** @description iadj_…, the reference_id of its movements */
                            id: string;
                            level: components["schemas"]["Level"];
                            movements: components["schemas"]["Movement"][];
                            note: string | null;
                            reason: string;
                        };
                    };
                };
                400: components["responses"]["400-23"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-24"];
                409: components["responses"]["409-24"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/incoming": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the quantity on its way to a location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        incoming: number;
                        /** @description id (sloc_…) */
                        location_id: string;
                        note?: string;
                        /** @description id (var_…) */
                        variant_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Level"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/items/{variant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A variant’s inventory: settings, levels per location, totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (var_…) */
                    variant_id: components["parameters"]["path-variant_id-var"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["InventoryItem"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-21"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Set a variant’s tracking, backorders and low-stock threshold */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (var_…) */
                    variant_id: components["parameters"]["path-variant_id-var"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description true: orders may commit more than is on hand */
                        allow_backorder?: boolean;
                        low_stock_threshold?: number | null;
                        /** @description false: the variant is sold without counting stock */
                        manage_inventory?: boolean;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["InventoryItem"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-21"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/levels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List inventory levels with available quantities */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description id (sloc_…) */
                    location_id?: components["parameters"]["query-location_id-sloc"];
                    /** @description true: only levels whose available is at or below the item’s low_stock_threshold; false: only the others */
                    low_stock?: boolean;
                    sku?: string;
                    /** @description id (var_…) */
                    variant_id?: components["parameters"]["query-variant_id-var"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Level"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/locations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List stock locations */
        get: {
            parameters: {
                query: {
                    active?: boolean;
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Location"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a stock location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        address?: {
                            address_1?: string;
                            address_2?: string;
                            city?: string;
                            company?: string;
                            country_code?: components["schemas"]["CountryCode"];
                            phone?: string;
                            postal_code?: string;
                            province?: string;
                        };
                        /** @description your short name for it, unique: letters, digits, . _ - */
                        code: string;
                        name: string;
                        /** @description higher is drawn from first by checkout, and listed first (default 0) */
                        priority?: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Location"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-22"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/locations/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One stock location */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (sloc_…) */
                    id: components["parameters"]["path-id-sloc"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Location-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-23"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a stock location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (sloc_…) */
                    id: components["parameters"]["path-id-sloc"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        address?: {
                            address_1?: string;
                            address_2?: string;
                            city?: string;
                            company?: string;
                            country_code?: components["schemas"]["CountryCode"];
                            phone?: string;
                            postal_code?: string;
                            province?: string;
                        };
                        /** @description your short name for it, unique: letters, digits, . _ - */
                        code?: string;
                        name?: string;
                        /** @description higher is drawn from first by checkout, and listed first (default 0) */
                        priority?: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Location-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-23"];
                409: components["responses"]["409-22"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a stock location that holds no stock and no reservations */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (sloc_…) */
                    id: components["parameters"]["path-id-sloc"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-23"];
                409: components["responses"]["409-23"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/movements": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The movement history, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    field?: "on_hand" | "committed" | "reserved" | "safety_stock" | "incoming";
                    /** @description id (iitem_…) */
                    item_id?: string;
                    limit: components["parameters"]["query-limit"];
                    /** @description id (sloc_…) */
                    location_id?: components["parameters"]["query-location_id-sloc"];
                    reason?: string;
                    /** @description id (var_…) */
                    variant_id?: components["parameters"]["query-variant_id-var"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Movement"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/safety-stock": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the safety stock kept back at a location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description id (sloc_…) */
                        location_id: string;
                        note?: string;
                        safety_stock: number;
                        /** @description id (var_…) */
                        variant_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Level"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-23"];
                409: components["responses"]["409-26"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/inventory/transfers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Move stock on hand from one location to another */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description id (sloc_…) */
                        from_location_id: string;
                        note?: string;
                        quantity: number;
                        /** @description id (sloc_…) */
                        to_location_id: string;
                        /** @description id (var_…) */
                        variant_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            from: components["schemas"]["Level"];
                            /** @description itrf_…, the reference_id of its movements */
                            id: string;
                            movements: components["schemas"]["Movement"][];
                            note: string | null;
                            quantity: number;
                            to: components["schemas"]["Level"];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-25"];
                409: components["responses"]["409-25"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/jobs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every scheduled job with its last run */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Job"][];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/jobs/{name}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One job */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: components["parameters"]["path-name"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Job"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-53"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/jobs/{name}/run": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Run the job now (on whichever process ticks first; not while it is running) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    name: components["parameters"]["path-name"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                202: components["responses"]["Job-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-53"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/jobs/{name}/runs": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The job's recent runs, newest first (kept a week) */
        get: {
            parameters: {
                query: {
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path: {
                    name: components["parameters"]["path-name"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                duration_ms: number;
                                error: string | null;
                                /** Format: date-time */
                                finished_at: string;
                                id: string;
                                /** @description host:pid:tag of the process that ran it */
                                process_id: string;
                                result: {
                                    [key: string]: unknown;
                                } | null;
                                /** Format: date-time */
                                started_at: string;
                                /** @enum {string} */
                                status: "succeeded" | "failed";
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-53"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/ledger": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The ledger's state: head, appender lag, last anchoring, differences found */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description events in the outbox the appender has not taken yet (all types) */
                            behind: number;
                            enabled: boolean;
                            head: components["schemas"]["LedgerHead"];
                            last_anchor: {
                                anchor: string;
                                /** Format: date-time */
                                anchored_at: string;
                                block_seq: number;
                                receipt: string | null;
                            } | null;
                            /** @description differences reconciliation has raised */
                            mismatches: number;
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/ledger/head": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed head: the newest block, signed, and the chain's tip */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["LedgerHead"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/ledger/keys": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Every public key that signed blocks, by key id (rotation keeps the old ones) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                key_id: string;
                                /** @description SPKI PEM */
                                public_key: string;
                            }[];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/ledger/mismatches": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Differences reconciliation found between the ledger and the live tables, newest first */
        get: {
            parameters: {
                query: {
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                detected_at: string;
                                id: string;
                                /** @description order_total, payment_captured, payment_refunded or stock_on_hand */
                                kind: string;
                                ledger_value: number;
                                live_value: number | null;
                                resource_id: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/ledger/proof": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order's ledger entries with Merkle proofs into signed blocks: checkable with the public key alone */
        get: {
            parameters: {
                query: {
                    order_id: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            blocks: components["schemas"]["SignedBlock"][];
                            entries: {
                                /** @description null while its block is open */
                                block_seq: number | null;
                                /** @description the canonical JSON that was hashed */
                                entry: string;
                                /** @description SHA-256(prev_hash bytes ‖ entry) */
                                hash: string;
                                prev_hash: string;
                                /** @description from the entry up to its block's Merkle root */
                                proof: {
                                    hash: string;
                                    /** @enum {string} */
                                    side: "left" | "right";
                                }[];
                                seq: number;
                            }[];
                            order_id: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-54"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List lots, newest first (filter by variant, product, supplier, location, expiry) */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    /** @description lots expiring before this time */
                    expires_before?: string;
                    /** @description true: lots with units on hand */
                    in_stock?: boolean;
                    limit: components["parameters"]["query-limit"];
                    /** @description id (sloc_…) */
                    location_id?: components["parameters"]["query-location_id-sloc"];
                    /** @description id (prod_…) */
                    product_id?: string;
                    /** @description id (po_…) */
                    purchase_order_id?: string;
                    /** @description id (sup_…) */
                    supplier_id?: components["parameters"]["query-supplier_id-sup"];
                    /** @description id (var_…) */
                    variant_id?: components["parameters"]["query-variant_id-var"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Lot"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/lots/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One lot: where its units are, how many went to orders and came back */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (lot_…) */
                    id: components["parameters"]["path-id-lot"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Lot"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-11"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/lots/{id}/trace": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Recall report: every order line and customer that took units of the lot (format=csv: as a CSV file) */
        get: {
            parameters: {
                query?: {
                    /** @description csv: the recall report as a CSV file */
                    format?: "json" | "csv";
                };
                header?: never;
                path: {
                    /** @description id (lot_…) */
                    id: components["parameters"]["path-id-lot"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            lot: components["schemas"]["Lot"];
                            orders: {
                                country_code: string | null;
                                customer_id: string | null;
                                email: string;
                                /** Format: date-time */
                                fulfilled_at: string;
                                fulfillment_id: string;
                                location_id: string;
                                name: string | null;
                                order_id: string;
                                order_line_id: string;
                                order_number: number | null;
                                /** Format: date-time */
                                placed_at: string | null;
                                quantity: number;
                                returned_quantity: number;
                            }[];
                            supplier: components["schemas"]["Supplier"] | null;
                            totals: {
                                customers: number;
                                fulfilled: number;
                                returned: number;
                                with_customers: number;
                            };
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-11"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/marketing/dead-letters": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Events the marketing tool refused, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** @description how many times it was refused */
                                attempts: number;
                                /** Format: date-time */
                                created_at: string;
                                customer_id: string | null;
                                /** @description the tool’s answer */
                                error: string;
                                /** @description the outbox event (evt_…) */
                                event_id: string;
                                event_type: string;
                                id: string;
                                /** Format: date-time */
                                occurred_at: string;
                                /** @description the tool that refused it: webhook, klaviyo */
                                provider_id: string;
                                /** @description what the event referred to: ids, and an abandoned cart’s value */
                                refs: {
                                    cart_id?: string;
                                    currency_code?: string;
                                    order_id?: string;
                                    product_id?: string;
                                    value?: number;
                                };
                                /** @description the tool’s HTTP status */
                                status: number;
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/marketing/dead-letters/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Discard a dead letter without sending it */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (mdl_…) */
                    id: components["parameters"]["path-id-mdl"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-47"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/marketing/dead-letters/{id}/resend": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the event again (with the customer’s data and consent as they are now); gone once the tool takes it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (mdl_…) */
                    id: components["parameters"]["path-id-mdl"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-47"];
                409: components["responses"]["409-55"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/notifications": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Emails, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    status?: "pending" | "sent" | "failed";
                    template?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                attempts: number;
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                last_error: string | null;
                                recipient: string;
                                reference_id: string | null;
                                reference_type: string | null;
                                /** Format: date-time */
                                sent_at: string | null;
                                status: string;
                                subject: string;
                                template: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/notifications/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One email with its bodies */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (email_…) */
                    id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            attempts: number;
                            /** Format: date-time */
                            created_at: string;
                            html_body: string | null;
                            id: string;
                            last_error: string | null;
                            recipient: string;
                            reference_id: string | null;
                            reference_type: string | null;
                            /** Format: date-time */
                            sent_at: string | null;
                            status: string;
                            subject: string;
                            template: string;
                            text_body: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-55"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List placed orders, newest first, with filters and search */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    /** @description the customer email, exact (case aside) */
                    email?: string;
                    /** @description fulfillment status: one or several, comma-separated */
                    fulfillment_status?: string;
                    limit: components["parameters"]["query-limit"];
                    /** @description payment status: one or several, comma-separated */
                    payment_status?: string;
                    /** @description placed at or after */
                    placed_after?: string;
                    /** @description placed before */
                    placed_before?: string;
                    /** @description an order number (1001, #1001), an email, or an order id */
                    q?: string;
                    /** @description id (reg_…) */
                    region_id?: components["parameters"]["query-region_id-reg"];
                    /** @description order status: one or several, comma-separated */
                    status?: string;
                    /** @description minor units */
                    total_max?: number;
                    /** @description minor units */
                    total_min?: number;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["OrderListItem"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order with its lines’ progress, money summary, payments, fulfillments, returns, refunds, edits and timeline */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["OrderDetail"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-12"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel an order nothing of which is fulfilled: stock released, authorization voided, captured money refunded */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        note?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["OrderDetail"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-12"];
                409: components["responses"]["409-42"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/capture": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Capture the authorized payment, in full or in part (never above what is authorized and not captured) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            /** @description Without an amount: everything still capturable. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description minor units */
                        amount?: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["OrderDetail"];
                400: components["responses"]["400-29"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-12"];
                409: components["responses"]["409-41"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
                502: components["responses"]["502"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/edits": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s edit history, one version per edit */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["OrderEdit"][];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Edit unfulfilled units: change quantities, remove or add lines; stock follows, the balance is computed (dry_run: preview) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        add?: {
                            price_reason?: string;
                            quantity: number;
                            /** @description minor units */
                            unit_price?: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                        /** @description compute the edit and its balance, write nothing */
                        dry_run?: boolean;
                        items?: {
                            /** @description id (ordli_…) */
                            line_item_id: string;
                            quantity: number;
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["OrderEdit"];
                201: components["responses"]["OrderEdit-2"];
                400: components["responses"]["400-33"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-40"];
                409: components["responses"]["409-51"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/fulfillments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s fulfillments */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Fulfillment"][];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-12"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Fulfill lines from a location: on_hand and committed drop there (optionally shipped at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description let chosen lots that have expired ship (default false: 409 lot_expired) */
                        allow_expired_lots?: boolean;
                        lines: {
                            /** @description id (ordli_…) */
                            line_item_id: string;
                            /** @description the lots some or all of the units come from (at the location, not expired); units not named leave in the product's pick order */
                            lots?: {
                                /** @description id (lot_…) */
                                lot_id: string;
                                quantity: number;
                            }[];
                            quantity: number;
                        }[];
                        /** @description id (sloc_…) */
                        location_id: string;
                        note?: string;
                        shipment?: {
                            carrier: string;
                            tracking_number?: string;
                            tracking_url?: string;
                        };
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Fulfillment"];
                400: components["responses"]["400-30"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-37"];
                409: components["responses"]["409-43"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/fulfillments/{fulfillment_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a fulfillment that has not shipped: its units are back on hand, committed to the order again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ful_…) */
                    fulfillment_id: components["parameters"]["path-fulfillment_id-ful"];
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Fulfillment-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-28"];
                409: components["responses"]["409-46"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/fulfillments/{fulfillment_id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Buy the fulfillment’s label from a carrier (or get the one it has: a retry never buys two) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ful_…) */
                    fulfillment_id: components["parameters"]["path-fulfillment_id-ful"];
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier_id: string;
                        /** @description the carrier’s service; null or absent: its default */
                        service?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["ShippingLabel"];
                400: components["responses"]["400-26"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-28"];
                409: components["responses"]["409-31"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                422: components["responses"]["422"];
                429: components["responses"]["429"];
                502: components["responses"]["502-2"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/fulfillments/{fulfillment_id}/labels/{label_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Void a label whose parcel has not shipped */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ful_…) */
                    fulfillment_id: components["parameters"]["path-fulfillment_id-ful"];
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                    /** @description id (lbl_…) */
                    label_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["ShippingLabel"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-29"];
                409: components["responses"]["409-32"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/fulfillments/{fulfillment_id}/mark-delivered": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mark a shipped fulfillment delivered */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ful_…) */
                    fulfillment_id: components["parameters"]["path-fulfillment_id-ful"];
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description when the carrier delivered (default: now); not in the future
                         */
                        delivered_at?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Fulfillment-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-28"];
                409: components["responses"]["409-45"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/fulfillments/{fulfillment_id}/shipments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ship a fulfillment: carrier, tracking number and URL */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ful_…) */
                    fulfillment_id: components["parameters"]["path-fulfillment_id-ful"];
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        carrier: string;
                        tracking_number?: string;
                        tracking_url?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Fulfillment-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-28"];
                409: components["responses"]["409-44"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/labels": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s shipping labels, oldest first */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ShippingLabel"][];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/lots": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The lots and suppliers behind each line of an order, with cost of goods and margin */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            currency_code: string;
                            lines: {
                                line_item_id: string;
                                lots: {
                                    currency_code: string | null;
                                    /** Format: date-time */
                                    expires_at: string | null;
                                    location_id: string;
                                    lot_id: string | null;
                                    lot_number: string | null;
                                    quantity: number;
                                    returned_quantity: number;
                                    supplier_id: string | null;
                                    supplier_name: string | null;
                                    unit_cost: number | null;
                                }[];
                                margin: components["schemas"]["Margin"];
                                quantity: number;
                                sku: string | null;
                                title: string;
                                variant_id: string;
                            }[];
                            margin: components["schemas"]["Margin"];
                            order_id: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/notes": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a staff note to the order’s timeline */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        text: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["TimelineEntry"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-12"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/payments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Record money received outside a gateway (manual provider): settles a balance left to pay */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            /** @description Money received outside a gateway, recorded with the manual provider. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description minor units */
                        amount: number;
                        /**
                         * @description false: authorized only (captured later)
                         * @default true
                         */
                        captured?: boolean;
                        note?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["OrderDetail-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/refunds": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s refunds */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Refund"][];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-12"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Refund by line and/or amount, with a reason (never above what was captured and not refunded) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            /** @description Lines (their units’ value) and/or an amount on top. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description minor units */
                        amount?: number;
                        lines?: {
                            /** @description id (ordli_…) */
                            line_item_id: string;
                            quantity: number;
                        }[];
                        note?: string;
                        /** @enum {string} */
                        reason: "customer_request" | "damaged" | "not_received" | "wrong_item" | "goodwill" | "duplicate" | "fraudulent" | "order_edit" | "other";
                        /**
                         * @description original (default): back to the payments; store_credit: to the customer’s store credit (signed-in customers’ orders only)
                         * @enum {string}
                         */
                        to?: "original" | "store_credit";
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Refund"];
                400: components["responses"]["400-32"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-12"];
                409: components["responses"]["409-50"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
                502: components["responses"]["502"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s returns */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Return"][];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Request a return of delivered units (with exchange_lines: an exchange, whose replacements join the order at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description replacements: an exchange */
                        exchange_lines?: {
                            price_reason?: string;
                            quantity: number;
                            /** @description minor units */
                            unit_price?: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                        lines: {
                            /** @description id (ordli_…) */
                            line_item_id: string;
                            quantity: number;
                            reason?: string;
                        }[];
                        note?: string;
                        reason?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Return"];
                400: components["responses"]["400-31"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-12"];
                409: components["responses"]["409-47"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/returns/{return_id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a requested return (an exchange’s unfulfilled replacements are removed) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                    /** @description id (ret_…) */
                    return_id: components["parameters"]["path-return_id-ret"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Return-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-39"];
                409: components["responses"]["409-48"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/returns/{return_id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive a return: quantities per line with their condition, restocked at a location or written off */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                    /** @description id (ret_…) */
                    return_id: components["parameters"]["path-return_id-ret"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /** @enum {string} */
                            condition: "new" | "opened" | "damaged";
                            /**
                             * @description default: write_off when damaged, else restock
                             * @enum {string}
                             */
                            disposition?: "restock" | "write_off";
                            /** @description id (ordli_…) */
                            line_item_id: string;
                            /** @description id (sloc_…) */
                            location_id?: string;
                            quantity: number;
                        }[];
                        /** @description id (sloc_…) */
                        location_id: string;
                        note?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Return-2"];
                400: components["responses"]["400-31"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-38"];
                409: components["responses"]["409-48"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/returns/{return_id}/refund": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Refund a received return: by default what the shop owes for it */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                    /** @description id (ret_…) */
                    return_id: components["parameters"]["path-return_id-ret"];
                };
                cookie?: never;
            };
            /** @description Without an amount: what the shop owes for the return. */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description minor units */
                        amount?: number;
                        note?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Refund"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-39"];
                409: components["responses"]["409-49"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/{id}/timeline": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything that happened to the order, oldest first, with who did it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["TimelineEntry"][];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/orders/sales": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Sales per day and currency over the last days, and how many open orders wait to be captured or fulfilled */
        get: {
            parameters: {
                query: {
                    days: number;
                    /** @description IANA name (Europe/Paris): where a day starts */
                    time_zone: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            days: {
                                currency_code: string;
                                /** @description YYYY-MM-DD in time_zone */
                                date: string;
                                orders: number;
                                /** @description minor units */
                                total: number;
                            }[];
                            time_zone: string;
                            to_capture: number;
                            to_fulfill: number;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/price-lists": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List price lists in creation order (without their prices) */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description only active lists apply */
                    status?: "active" | "draft";
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                customer_group_ids: string[];
                                description: string | null;
                                /** Format: date-time */
                                ends_at: string | null;
                                id: string;
                                name: string;
                                price_count: number;
                                /** Format: date-time */
                                starts_at: string | null;
                                /**
                                 * @description only active lists apply
                                 * @enum {string}
                                 */
                                status: "active" | "draft";
                                /**
                                 * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                                 * @enum {string}
                                 */
                                type: "sale" | "override";
                                /** Format: date-time */
                                updated_at: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a price list (draft unless status: active), with prices if given */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description only signed-in customers in one of these groups (empty: everybody) */
                        customer_group_ids?: string[];
                        description?: string | null;
                        /** Format: date-time */
                        ends_at?: string | null;
                        name: components["schemas"]["Name"];
                        prices?: {
                            /** @description minor units */
                            amount: number;
                            currency_code: components["schemas"]["CurrencyCode"];
                            /** @description applies to cart lines of at least this many units (default 1) */
                            min_quantity?: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                        /** Format: date-time */
                        starts_at?: string | null;
                        /**
                         * @description only active lists apply
                         * @enum {string}
                         */
                        status?: "active" | "draft";
                        /**
                         * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                         * @enum {string}
                         */
                        type: "sale" | "override";
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            customer_group_ids: string[];
                            description: string | null;
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            price_count: number;
                            /** @description by variant, currency, then min_quantity */
                            prices: {
                                amount: number;
                                currency_code: string;
                                id: string;
                                min_quantity: number;
                                variant_id: string;
                            }[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /**
                             * @description only active lists apply
                             * @enum {string}
                             */
                            status: "active" | "draft";
                            /**
                             * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                             * @enum {string}
                             */
                            type: "sale" | "override";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-28"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/price-lists/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One price list with its prices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            customer_group_ids: string[];
                            description: string | null;
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            price_count: number;
                            /** @description by variant, currency, then min_quantity */
                            prices: {
                                amount: number;
                                currency_code: string;
                                id: string;
                                min_quantity: number;
                                variant_id: string;
                            }[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /**
                             * @description only active lists apply
                             * @enum {string}
                             */
                            status: "active" | "draft";
                            /**
                             * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                             * @enum {string}
                             */
                            type: "sale" | "override";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-32"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a price list (carts and the catalog price with it from now on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description only signed-in customers in one of these groups (empty: everybody) */
                        customer_group_ids?: string[];
                        description?: string | null;
                        /** Format: date-time */
                        ends_at?: string | null;
                        name?: components["schemas"]["Name"];
                        /** Format: date-time */
                        starts_at?: string | null;
                        /**
                         * @description only active lists apply
                         * @enum {string}
                         */
                        status?: "active" | "draft";
                        /**
                         * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                         * @enum {string}
                         */
                        type?: "sale" | "override";
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            customer_group_ids: string[];
                            description: string | null;
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            price_count: number;
                            /** @description by variant, currency, then min_quantity */
                            prices: {
                                amount: number;
                                currency_code: string;
                                id: string;
                                min_quantity: number;
                                variant_id: string;
                            }[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /**
                             * @description only active lists apply
                             * @enum {string}
                             */
                            status: "active" | "draft";
                            /**
                             * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                             * @enum {string}
                             */
                            type: "sale" | "override";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-32"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a price list and its prices (orders keep what they were charged) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/price-lists/{id}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add prices, or replace the list's price for the same variant, currency and min_quantity */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description added, or replacing the list's price for the same variant, currency and min_quantity */
                        prices: {
                            /** @description minor units */
                            amount: number;
                            currency_code: components["schemas"]["CurrencyCode"];
                            /** @description applies to cart lines of at least this many units (default 1) */
                            min_quantity?: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            customer_group_ids: string[];
                            description: string | null;
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            price_count: number;
                            /** @description by variant, currency, then min_quantity */
                            prices: {
                                amount: number;
                                currency_code: string;
                                id: string;
                                min_quantity: number;
                                variant_id: string;
                            }[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /**
                             * @description only active lists apply
                             * @enum {string}
                             */
                            status: "active" | "draft";
                            /**
                             * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                             * @enum {string}
                             */
                            type: "sale" | "override";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-27"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/price-lists/{id}/prices/{price_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove one price from a price list */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                    /** @description id (plp_…) */
                    price_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            customer_group_ids: string[];
                            description: string | null;
                            /** Format: date-time */
                            ends_at: string | null;
                            id: string;
                            name: string;
                            price_count: number;
                            /** @description by variant, currency, then min_quantity */
                            prices: {
                                amount: number;
                                currency_code: string;
                                id: string;
                                min_quantity: number;
                                variant_id: string;
                            }[];
                            /** Format: date-time */
                            starts_at: string | null;
                            /**
                             * @description only active lists apply
                             * @enum {string}
                             */
                            status: "active" | "draft";
                            /**
                             * @description sale: its prices apply when below the original and are shown beside it; override: its prices replace the variant's own
                             * @enum {string}
                             */
                            type: "sale" | "override";
                            /** Format: date-time */
                            updated_at: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-33"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/price-lists/{id}/prices/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The list's prices as CSV (import it back after editing) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/price-lists/{id}/prices/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Replace the list's prices with a CSV file's (Content-Type: text/csv): all rows or, on any problem, none
         * @description Columns: variant_sku or variant_id, currency_code, amount, min_quantity (docs/csv-format.md). A 400 `csv_invalid` lists each problem as `{ row, column, message }`. With `dry_run=true` nothing is written and the answer (200) says what the import would do.
         */
        post: {
            parameters: {
                query?: {
                    /** @description check and count, write nothing */
                    dry_run?: components["parameters"]["query-dry_run"];
                };
                header?: never;
                path: {
                    /** @description id (plist_…) */
                    id: components["parameters"]["path-id-plist"];
                };
                cookie?: never;
            };
            /** @description the CSV text */
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dry_run: boolean;
                            /** @description prices the list has after the import */
                            prices: number;
                            /** @description prices it had that the file does not hold */
                            removed: number;
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            dry_run: boolean;
                            /** @description prices the list has after the import */
                            prices: number;
                            /** @description prices it had that the file does not hold */
                            removed: number;
                        };
                    };
                };
                400: components["responses"]["400-21"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List products in any status */
        get: {
            parameters: {
                query: {
                    /** @description id (pcat_…) */
                    category_id?: components["parameters"]["query-category_id-pcat"];
                    /** @description id (pcol_…) */
                    collection_id?: components["parameters"]["query-collection_id-pcol"];
                    /** @description only products priced in this currency (any case); needed for price filters and sorts */
                    currency_code?: components["parameters"]["query-currency_code"];
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description minor units */
                    price_max?: components["parameters"]["query-price_max"];
                    /** @description minor units */
                    price_min?: components["parameters"]["query-price_min"];
                    /** @description search: word prefixes and synonyms match; typos are forgiven when nothing matches as typed */
                    q?: components["parameters"]["query-q"];
                    /** @description newest first (default), title A–Z, lowest price first (`price`) or last (`-price`), search relevance (default with `q`) */
                    sort?: components["parameters"]["query-sort"];
                    status?: ("draft" | "published" | "archived")[];
                    /** @description products having every given tag */
                    tag?: components["parameters"]["query-tag"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Product"][];
                            /** @description the search with each word replaced by the closest word of a product title; given when the search as typed matched nothing */
                            did_you_mean?: string;
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a product with its options, variants and prices */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ProductInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Product-2"];
                400: components["responses"]["400-16"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-17"];
                409: components["responses"]["409-11"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One product in any status */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update product fields */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        category_ids?: string[];
                        /** @description id (pcol_…) */
                        collection_id?: string | null;
                        description?: string;
                        /** @description sold as a gift card: each unit paid for issues a card of the unit's price, emailed to the buyer (docs/gift-cards.md) */
                        gift_card?: boolean;
                        /** @description URL-safe: lower-case letters, digits, dashes */
                        handle?: string;
                        images?: string[];
                        metadata?: components["schemas"]["Metadata"];
                        /** @enum {string} */
                        status?: "draft" | "published" | "archived";
                        tags?: string[];
                        /** @description e.g. reduced; null: the standard rate */
                        tax_class?: string | null;
                        title?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-18"];
                409: components["responses"]["409-12"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a product with its variants */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/archive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the product's status to archived */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/lot-settings": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** A product's lot settings: pick order (fefo/fifo) and public provenance */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description which lot ships first: fefo (first expiry, default) or fifo (first received)
                             * @enum {string}
                             */
                            pick_order: "fefo" | "fifo";
                            product_id: string;
                            /** @description whether GET /store/provenance/:lot_id shows this product's lots */
                            public_provenance: boolean;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Set a product's pick order (fefo/fifo) and whether its lots' provenance is public */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description which lot ships first: fefo (first expiry, default) or fifo (first received)
                         * @enum {string}
                         */
                        pick_order?: "fefo" | "fifo";
                        public_provenance?: boolean;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /**
                             * @description which lot ships first: fefo (first expiry, default) or fifo (first received)
                             * @enum {string}
                             */
                            pick_order: "fefo" | "fifo";
                            product_id: string;
                            /** @description whether GET /store/provenance/:lot_id shows this product's lots */
                            public_provenance: boolean;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add an option (existing variants take its first value) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title: string;
                        values: string[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Product-2"];
                400: components["responses"]["400-18"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404"];
                409: components["responses"]["409-14"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/options/{option_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Rename an option or set its values */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                    /** @description id (opt_…) */
                    option_id: components["parameters"]["path-option_id-opt"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        title?: string;
                        values?: string[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-19"];
                409: components["responses"]["409-15"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Remove an option */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                    /** @description id (opt_…) */
                    option_id: components["parameters"]["path-option_id-opt"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-19"];
                409: components["responses"]["409-16"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/publish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the product's status to published */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/unpublish": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set the product's status to draft */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/variants": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a variant */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VariantInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Product-2"];
                400: components["responses"]["400-19"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404"];
                409: components["responses"]["409-17"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/variants/{variant_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Update a variant (prices given replace all its prices) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                    /** @description id (var_…) */
                    variant_id: components["parameters"]["path-variant_id-var"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["VariantInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-20"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-20"];
                409: components["responses"]["409-17"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a variant */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                    /** @description id (var_…) */
                    variant_id: components["parameters"]["path-variant_id-var"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-21"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/variants/{variant_id}/prices": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set prices for the given currencies (others are kept) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                    /** @description id (var_…) */
                    variant_id: components["parameters"]["path-variant_id-var"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        prices: components["schemas"]["PriceInput"][];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-14"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-21"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/{id}/variants/{variant_id}/prices/{currency_code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove the price in one currency */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description ISO 4217 (USD); any case accepted, returned upper case */
                    currency_code: string;
                    /** @description id (prod_…) */
                    id: components["parameters"]["path-id-prod"];
                    /** @description id (var_…) */
                    variant_id: components["parameters"]["path-variant_id-var"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-21"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/bulk": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Change every product a filter matches (publish, archive, tag, collection): all of them or none
         * @description The filter takes the fields of `GET /admin/products`, so a list view can act on all it matches. At most 1,000 products (400 `bulk_too_many`); with `expected_count` another count refuses the action (409 `bulk_count_changed`). Products already as the action leaves them count as `unchanged`. Accepts an `Idempotency-Key`.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description `publish`, `unpublish` (to draft), `archive`, `add_tag` / `remove_tag` (with `tag`), `set_collection` (with `collection_id`, null to clear)
                         * @enum {string}
                         */
                        action: "publish" | "unpublish" | "archive" | "add_tag" | "remove_tag" | "set_collection";
                        /** @description id (pcol_…) */
                        collection_id?: string | null;
                        /**
                         * @description count and say what would change, change nothing
                         * @default false
                         */
                        dry_run?: boolean;
                        /** @description how many products the caller was shown as matching; another count refuses the action (409 `bulk_count_changed`) */
                        expected_count?: number;
                        /** @description the products to change: the same fields as the query of `GET /admin/products` (`{}` is every product) */
                        filter: {
                            /** @description id (pcat_…) */
                            category_id?: string;
                            /** @description id (pcol_…) */
                            collection_id?: string;
                            /** @description only products priced in this currency (any case); needed for price filters and sorts */
                            currency_code?: string;
                            /** @description minor units */
                            price_max?: number;
                            /** @description minor units */
                            price_min?: number;
                            /** @description search: word prefixes and synonyms match; typos are forgiven when nothing matches as typed */
                            q?: string;
                            status?: ("draft" | "published" | "archived")[];
                            /** @description products having every given tag */
                            tag?: string[];
                        };
                        tag?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            action: string;
                            /** @description of those, the ones the action changed (or would, on a dry run) */
                            changed: number;
                            changed_ids: string[];
                            dry_run: boolean;
                            /** @description products the filter matched */
                            matched: number;
                            /** @description already as the action leaves them: no change, no event */
                            unchanged: number;
                        };
                    };
                };
                400: components["responses"]["400-17"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-2"];
                409: components["responses"]["409-13"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Export every product as CSV, streamed */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/products/import": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Import products from CSV (Content-Type: text/csv): creates new handles, updates existing ones; all rows or, on any problem, none
         * @description Products are matched by handle, variants by SKU. A 400 `csv_invalid` lists each problem as `{ row, column, message }` in `details.errors`. With `dry_run=true` nothing is written and the answer (200) says what the import would do.
         */
        post: {
            parameters: {
                query?: {
                    /** @description check and count, write nothing */
                    dry_run?: components["parameters"]["query-dry_run"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            /** @description the CSV text */
            requestBody: {
                content: {
                    "application/json": string;
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            dry_run: boolean;
                            /** @description the products created (none on a dry run) */
                            product_ids: string[];
                            /** @description existing products the file matched and left as they were */
                            unchanged: number;
                            updated: number;
                            updated_ids: string[];
                        };
                    };
                };
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            created: number;
                            dry_run: boolean;
                            /** @description the products created (none on a dry run) */
                            product_ids: string[];
                            /** @description existing products the file matched and left as they were */
                            unchanged: number;
                            updated: number;
                            updated_ids: string[];
                        };
                    };
                };
                400: components["responses"]["400-21"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List promotions in creation order (code finds one in any case) */
        get: {
            parameters: {
                query: {
                    automatic?: boolean;
                    /** @description the promotion with this code (any case) */
                    code?: string;
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Promotion"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a promotion: { "code": "SAVE10", "type": "percentage", "value": 10 } is 10 % off the order */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["PromotionInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Promotion"];
                400: components["responses"]["400-27"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-33"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/promotions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One promotion, with its uses and the discount it gave */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (promo_…) */
                    id: components["parameters"]["path-id-promo"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Promotion-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-30"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a promotion (carts holding its code see the change on their next read) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (promo_…) */
                    id: components["parameters"]["path-id-promo"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        active?: boolean;
                        /** @description fixed: the amount off in each currency it applies in */
                        amounts?: components["schemas"]["PriceInput"][] | null;
                        /** @description the most discount it may give in total; it then applies only in that currency */
                        budget?: components["schemas"]["PriceInput"] | null;
                        /** @description buy_x_get_y: the units to buy (X) */
                        buy_quantity?: number | null;
                        /** @description the campaign whose dates and budget it shares */
                        campaign_id?: string | null;
                        /** @description categories whose products match (the category itself, not its subcategories) */
                        category_ids?: string[];
                        /** @description what buyers enter; null with automatic: true for a promotion that applies by itself */
                        code?: string | null;
                        /** @description collections whose products match */
                        collection_ids?: string[];
                        /** @description whether it applies together with other combinable promotions (default false) */
                        combinable?: boolean;
                        /** @description fixed: the currency of value (or give amounts) */
                        currency_code?: components["schemas"]["CurrencyCode"] | null;
                        /** @description only carts in these currencies (empty: any) */
                        currency_codes?: components["schemas"]["CurrencyCode"][];
                        /** @description the signed-in customer must be in one of these groups */
                        customer_group_ids?: string[];
                        description?: string | null;
                        /**
                         * Format: date-time
                         * @description the promotion stops applying at this time
                         */
                        ends_at?: string | null;
                        /** @description only for a buyer (account or email) with no earlier placed order that was not canceled */
                        first_order_only?: boolean;
                        /** @description buy_x_get_y: the units got with them (Y), the cheapest matching ones */
                        get_quantity?: number | null;
                        /** @description the matching units the cart must hold */
                        min_quantity?: number | null;
                        /** @description the cart subtotal (before discounts) needed, per currency; a currency not listed does not qualify */
                        min_subtotals?: components["schemas"]["PriceInput"][];
                        /** @description uses per customer account, or per email for guests */
                        per_customer_limit?: number | null;
                        /** @description the products it applies to (any listed product, collection or category matches) */
                        product_ids?: string[];
                        /** @description only carts in these regions (empty: any) */
                        region_ids?: string[];
                        /** @description the signed-in customer must be in one of these marketing segments */
                        segment_ids?: string[];
                        /** Format: date-time */
                        starts_at?: string | null;
                        /** @description product tags whose products match */
                        tags?: string[];
                        /**
                         * @description order (default): every line; items: the lines matching the conditions; shipping (free_shipping's only target): the shipping price
                         * @enum {string}
                         */
                        target?: "order" | "items" | "shipping";
                        /** @description tiered percentage or fixed: from min_subtotal (before discounts) in its currency, this value instead of value/amounts; the highest tier reached applies */
                        tiers?: {
                            currency_code: components["schemas"]["CurrencyCode"];
                            /** @description minor units */
                            min_subtotal: number;
                            value: number;
                        }[];
                        /** @enum {string} */
                        type?: "percentage" | "fixed" | "free_shipping" | "buy_x_get_y";
                        usage_limit?: number | null;
                        /** @description percentage: the percent (10 is 10 %, at most 4 decimals); fixed: the amount off in minor units of currency_code; buy_x_get_y: the percent off the units got (default 100: free) */
                        value?: number | null;
                        /** @description variants that match */
                        variant_ids?: string[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Promotion-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a promotion no order used (deactivate a used one) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (promo_…) */
                    id: components["parameters"]["path-id-promo"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List purchase orders, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    status?: "draft" | "ordered" | "partially_received" | "received" | "canceled";
                    /** @description id (sup_…) */
                    supplier_id?: components["parameters"]["query-supplier_id-sup"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["PurchaseOrder"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Draft a purchase order (lines: variant, quantity, unit cost) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currency_code: components["schemas"]["CurrencyCode"];
                        /**
                         * Format: date-time
                         * @description when the units are expected
                         */
                        expected_at?: string | null;
                        lines: {
                            quantity: number;
                            /** @description minor units */
                            unit_cost: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                        /** @description id (sloc_…) */
                        location_id: string;
                        note?: string | null;
                        /** @description your or the supplier's order number */
                        reference?: string | null;
                        /** @description id (sup_…) */
                        supplier_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["PurchaseOrder"];
                400: components["responses"]["400-14"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-35"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One purchase order with its lines */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (po_…) */
                    id: components["parameters"]["path-id-po"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["PurchaseOrder-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a purchase order (its lines only as a draft) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (po_…) */
                    id: components["parameters"]["path-id-po"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description when the units are expected
                         */
                        expected_at?: string | null;
                        /** @description a draft's lines, replacing them all */
                        lines?: {
                            quantity: number;
                            /** @description minor units */
                            unit_cost: number;
                            /** @description id (var_…) */
                            variant_id: string;
                        }[];
                        note?: string | null;
                        /** @description your or the supplier's order number */
                        reference?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["PurchaseOrder-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-38"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders/{id}/cancel": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Cancel a purchase order not fully received: what is outstanding leaves incoming */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (po_…) */
                    id: components["parameters"]["path-id-po"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["PurchaseOrder-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-38"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders/{id}/order": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Place a draft with the supplier (and note its expected date): its units count as incoming at its location */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (po_…) */
                    id: components["parameters"]["path-id-po"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * Format: date-time
                         * @description when the supplier says the units arrive
                         */
                        expected_at?: string | null;
                        /** @description your or the supplier's order number */
                        reference?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["PurchaseOrder-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-39"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/purchase-orders/{id}/receive": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Receive units (all or part of lines) as lots: lot number, expiry, unit cost per line */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (po_…) */
                    id: components["parameters"]["path-id-po"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /**
                         * @description value (default): in proportion to units × unit cost; quantity: to units
                         * @enum {string}
                         */
                        allocate_landed_costs_by?: "value" | "quantity";
                        /** @description extra costs of this delivery, in the order's currency, spread over its lots into their cost */
                        landed_costs?: {
                            /** @description minor units */
                            amount: number;
                            /** @description freight, duty, insurance… */
                            description: string;
                        }[];
                        lines: {
                            /** Format: date-time */
                            expires_at?: string | null;
                            /** @description id (pol_…) */
                            line_id: string;
                            /** @description the supplier's batch or lot number */
                            lot_number: string;
                            quantity: number;
                            /** @description minor units */
                            unit_cost?: number;
                        }[];
                        note?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            id: string;
                            lot_ids: string[];
                            purchase_order: components["schemas"]["PurchaseOrder"];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-36"];
                409: components["responses"]["409-40"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List regions by name */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Region"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a region (default tax rate in percent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a country belongs to at most one region */
                        countries?: components["schemas"]["CountryCode"][];
                        /** @description ISO 4217 (USD), any case accepted; prices and shipping amounts in the region use it */
                        currency_code: string;
                        /** @description percent, 0–100, at most 4 decimals (8.875) */
                        default_tax_rate?: number;
                        name: components["schemas"]["Name"];
                        /** @description true: prices include tax (VAT style); false (default): tax is added on top */
                        tax_inclusive?: boolean;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Region"];
                400: components["responses"]["400-24"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-27"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/regions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One region */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (reg_…) */
                    id: components["parameters"]["path-id-reg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Region-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-4"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a region (countries given replace the set) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (reg_…) */
                    id: components["parameters"]["path-id-reg"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a country belongs to at most one region */
                        countries?: components["schemas"]["CountryCode"][];
                        /** @description ISO 4217 (USD), any case accepted; prices and shipping amounts in the region use it */
                        currency_code?: string;
                        /** @description percent, 0–100, at most 4 decimals (8.875) */
                        default_tax_rate?: number;
                        name?: components["schemas"]["Name"];
                        /** @description true: prices include tax (VAT style); false (default): tax is added on top */
                        tax_inclusive?: boolean;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Region-2"];
                400: components["responses"]["400-24"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-4"];
                409: components["responses"]["409-28"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a region no cart uses, with its tax rates and shipping options */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (reg_…) */
                    id: components["parameters"]["path-id-reg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-4"];
                409: components["responses"]["409-29"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/regions/{region_id}/tax-rates": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List a region’s tax rate overrides */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path: {
                    /** @description id (reg_…) */
                    region_id: components["parameters"]["path-region_id-reg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["TaxRate"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-4"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Add a tax rate override for a country, a tax class or both (rate in percent) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (reg_…) */
                    region_id: components["parameters"]["path-region_id-reg"];
                };
                cookie?: never;
            };
            /** @description at least one of country_code and tax_class */
            requestBody: {
                content: {
                    "application/json": {
                        /** @description one of the region’s countries; null: every country of the region */
                        country_code?: components["schemas"]["CountryCode"] | null;
                        name: components["schemas"]["Name"];
                        /** @description percent, 0–100, at most 4 decimals (8.875) */
                        rate: number;
                        /** @description null: every product */
                        tax_class?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["TaxRate"];
                400: components["responses"]["400-4"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-4"];
                409: components["responses"]["409-30"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/regions/{region_id}/tax-rates/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One tax rate override */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (txr_…) */
                    id: components["parameters"]["path-id-txr"];
                    /** @description id (reg_…) */
                    region_id: components["parameters"]["path-region_id-reg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["TaxRate-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-26"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a tax rate override */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (txr_…) */
                    id: components["parameters"]["path-id-txr"];
                    /** @description id (reg_…) */
                    region_id: components["parameters"]["path-region_id-reg"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description one of the region’s countries; null: every country of the region */
                        country_code?: components["schemas"]["CountryCode"] | null;
                        name?: components["schemas"]["Name"];
                        /** @description percent, 0–100, at most 4 decimals (8.875) */
                        rate?: number;
                        /** @description null: every product */
                        tax_class?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["TaxRate-2"];
                400: components["responses"]["400-4"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-26"];
                409: components["responses"]["409-30"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a tax rate override (the region’s default applies again) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (txr_…) */
                    id: components["parameters"]["path-id-txr"];
                    /** @description id (reg_…) */
                    region_id: components["parameters"]["path-region_id-reg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-26"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reorder-suggestions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** What to reorder, most urgent first */
        get: {
            parameters: {
                query: {
                    all: boolean;
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description id (sloc_…) */
                    location_id?: components["parameters"]["query-location_id-sloc"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                available: number;
                                below_reorder_point: boolean;
                                /** Format: date-time */
                                computed_at: string;
                                days_of_cover: number | null;
                                lead_time_days: number;
                                location_id: string;
                                mean_daily_demand: number;
                                product_id: string;
                                reorder_point: number;
                                safety_stock: number;
                                service_level: number;
                                sku: string | null;
                                suggested_quantity: number;
                                title: string;
                                variant_id: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/reports/margins": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Cost of goods and margin per product or per order, in one currency */
        get: {
            parameters: {
                query: {
                    /** @description ISO 4217 (USD); any case accepted, returned upper case */
                    currency_code: string;
                    cursor?: components["parameters"]["query-cursor"];
                    /** @description orders placed at or after */
                    from?: string;
                    group_by: "order" | "product";
                    limit: components["parameters"]["query-limit"];
                    /** @description orders placed before */
                    to?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                cost_of_goods: number;
                                costed_revenue: number;
                                costed_units: number;
                                key: string;
                                margin: number;
                                revenue: number;
                                title: string;
                                uncosted_units: number;
                                units: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/roles": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Built-in and custom roles with their permissions */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                built_in: boolean;
                                key: string;
                                name: string;
                                permissions: string[];
                            }[];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a custom role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        key: string;
                        name: string;
                        permissions: ("products:read" | "products:write" | "inventory:read" | "inventory:write" | "orders:read" | "orders:write" | "orders:fulfill" | "orders:refund" | "customers:read" | "customers:write" | "settings:read" | "settings:write" | "users:manage" | "audit:read" | "webhooks:manage")[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            built_in: boolean;
                            key: string;
                            name: string;
                            permissions: string[];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-57"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/roles/{key}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a custom role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: components["parameters"]["path-key"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        permissions?: ("products:read" | "products:write" | "inventory:read" | "inventory:write" | "orders:read" | "orders:write" | "orders:fulfill" | "orders:refund" | "customers:read" | "customers:write" | "settings:read" | "settings:write" | "users:manage" | "audit:read" | "webhooks:manage")[];
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            built_in: boolean;
                            key: string;
                            name: string;
                            permissions: string[];
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-48"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a custom role no one has */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    key: components["parameters"]["path-key"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-48"];
                409: components["responses"]["409-58"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/search/synonyms": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List search synonyms by word */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                synonyms: string[];
                                /** Format: date-time */
                                updated_at: string;
                                word: string;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Add a word and its synonyms */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what a search for the word also finds; a search for any of them also finds the word */
                        synonyms: string[];
                        /** @description a word or a phrase of up to 4 words (compared in lower case, punctuation ignored) */
                        word: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            synonyms: string[];
                            /** Format: date-time */
                            updated_at: string;
                            word: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-21"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/search/synonyms/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One search synonym entry */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ssyn_…) */
                    id: components["parameters"]["path-id-ssyn"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            synonyms: string[];
                            /** Format: date-time */
                            updated_at: string;
                            word: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-22"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Change a word or its synonyms */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ssyn_…) */
                    id: components["parameters"]["path-id-ssyn"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description what a search for the word also finds; a search for any of them also finds the word */
                        synonyms?: string[];
                        /** @description a word or a phrase of up to 4 words (compared in lower case, punctuation ignored) */
                        word?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            synonyms: string[];
                            /** Format: date-time */
                            updated_at: string;
                            word: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-22"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a search synonym entry */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (ssyn_…) */
                    id: components["parameters"]["path-id-ssyn"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-22"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/segments": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The segments, by name */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Segment"][];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Define a segment */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["SegmentInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Segment"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-54"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/segments/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One segment */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (seg_…) */
                    id: components["parameters"]["path-id-seg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Segment-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-46"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        /** Delete a segment */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (seg_…) */
                    id: components["parameters"]["path-id-seg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-46"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/segments/{id}/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The segment’s members now (customer ids, at most 10,000) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (seg_…) */
                    id: components["parameters"]["path-id-seg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer_ids: string[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-46"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/shipping-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List shipping options by position, then name (region_id filters) */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description id (reg_…) */
                    region_id?: components["parameters"]["query-region_id-reg"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["ShippingOption"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a shipping option in a region (amounts in its currency’s minor unit) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description inactive options are not offered to carts */
                        active?: boolean;
                        /** @description flat options: the price; calculated options: the fallback when the carrier is down or slow (required for both) */
                        amount?: number | null;
                        /** @description calculated options only (required there): the carrier whose rates price it */
                        carrier_id?: string | null;
                        /** @description calculated options: the carrier's service (ground, express…); null takes its cheapest */
                        carrier_service?: string | null;
                        /** @description free when the items subtotal after discounts reaches this amount */
                        free_over_amount?: number | null;
                        name: components["schemas"]["Name"];
                        /** @description carts list options by position, then name */
                        position?: number;
                        /**
                         * @description flat: one amount; weight: by weight bands; calculated: the carrier's live rate plus markup, `amount` when the carrier does not answer
                         * @enum {string}
                         */
                        price_type: "flat" | "weight" | "calculated";
                        /** @description minor units */
                        rate_markup_amount?: number;
                        /** @description calculated options: added to the carrier's rate (rounded half up) */
                        rate_markup_percent?: number;
                        /** @description id (reg_…) */
                        region_id: string;
                        /** @description weight options only (required there): up_to_grams strictly increasing; a heavier cart cannot use the option */
                        weight_bands?: {
                            /** @description minor units */
                            amount: number;
                            /** @description carts up to this weight (inclusive) pay amount */
                            up_to_grams: number;
                        }[] | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["ShippingOption"];
                400: components["responses"]["400-25"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-4"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/shipping-options/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One shipping option */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (so_…) */
                    id: components["parameters"]["path-id-so"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["ShippingOption-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-27"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a shipping option */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (so_…) */
                    id: components["parameters"]["path-id-so"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description inactive options are not offered to carts */
                        active?: boolean;
                        /** @description flat options: the price; calculated options: the fallback when the carrier is down or slow (required for both) */
                        amount?: number | null;
                        /** @description calculated options only (required there): the carrier whose rates price it */
                        carrier_id?: string | null;
                        /** @description calculated options: the carrier's service (ground, express…); null takes its cheapest */
                        carrier_service?: string | null;
                        /** @description free when the items subtotal after discounts reaches this amount */
                        free_over_amount?: number | null;
                        name?: components["schemas"]["Name"];
                        /** @description carts list options by position, then name */
                        position?: number;
                        /**
                         * @description flat: one amount; weight: by weight bands; calculated: the carrier's live rate plus markup, `amount` when the carrier does not answer
                         * @enum {string}
                         */
                        price_type?: "flat" | "weight" | "calculated";
                        /** @description minor units */
                        rate_markup_amount?: number;
                        /** @description calculated options: added to the carrier's rate (rounded half up) */
                        rate_markup_percent?: number;
                        /** @description weight options only (required there): up_to_grams strictly increasing; a heavier cart cannot use the option */
                        weight_bands?: {
                            /** @description minor units */
                            amount: number;
                            /** @description carts up to this weight (inclusive) pay amount */
                            up_to_grams: number;
                        }[] | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["ShippingOption-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-27"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a shipping option */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (so_…) */
                    id: components["parameters"]["path-id-so"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-27"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/shop": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The shop's settings */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            time_zone: string;
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Change the shop's settings (time_zone: an IANA name) */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string;
                        /** @description IANA name (Europe/Paris): where analytics' days start */
                        time_zone?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            name: string;
                            time_zone: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        trace?: never;
    };
    "/admin/suppliers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List suppliers by name (q: name or code contains) */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description name or code contains */
                    q?: string;
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Supplier"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create a supplier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description your short code; unique in any case */
                        code?: string | null;
                        /** Format: email */
                        email?: string | null;
                        name: components["schemas"]["Name"];
                        note?: string | null;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Supplier"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-36"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/suppliers/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One supplier */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (sup_…) */
                    id: components["parameters"]["path-id-sup"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Supplier-2"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-34"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update a supplier */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (sup_…) */
                    id: components["parameters"]["path-id-sup"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description your short code; unique in any case */
                        code?: string | null;
                        /** Format: email */
                        email?: string | null;
                        name?: components["schemas"]["Name"];
                        note?: string | null;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Supplier-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete a supplier with no purchase orders or lots */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (sup_…) */
                    id: components["parameters"]["path-id-sup"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Deleted"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                409: components["responses"]["409-37"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Staff users */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["StaffUser"][];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Add a staff user with a role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        name?: string;
                        password: string;
                        role: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["StaffUser"];
                400: components["responses"]["400-11"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-48"];
                409: components["responses"]["409-56"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/users/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Change a staff user’s name or role */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (usr_…) */
                    id: components["parameters"]["path-id-usr"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        name?: string | null;
                        role?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["StaffUser-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-48"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Remove a staff user (not the last owner) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (usr_…) */
                    id: components["parameters"]["path-id-usr"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-49"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List webhook endpoints, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookEndpoint"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Create an endpoint; the answer shows its signing secret */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        enabled?: boolean;
                        /** @description event types (order.placed), per resource (order.*) or * for all; docs/events.md lists them */
                        events: string[];
                        metadata?: components["schemas"]["Metadata"];
                        /** @description https URL (http allowed outside production); must reach a public address */
                        url: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"] & {
                            /** @description the signing secret (whsec_…): verify each delivery with it (docs/webhooks.md) */
                            secret: string;
                        };
                    };
                };
                400: components["responses"]["400-35"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One endpoint */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["WebhookEndpoint"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-51"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        /** Update an endpoint (enabled: true turns a disabled one back on) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        description?: string | null;
                        enabled?: boolean;
                        /** @description event types (order.placed), per resource (order.*) or * for all; docs/events.md lists them */
                        events?: string[];
                        metadata?: components["schemas"]["Metadata"];
                        /** @description https URL (http allowed outside production); must reach a public address */
                        url?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["WebhookEndpoint"];
                400: components["responses"]["400-36"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-51"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        /** Delete an endpoint with its deliveries */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @enum {boolean} */
                            deleted: true;
                            id: string;
                            /** @enum {string} */
                            object: "webhook_endpoint";
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-51"];
                429: components["responses"]["429"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/deliveries": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's deliveries, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    event_type?: string;
                    limit: components["parameters"]["query-limit"];
                    status?: "pending" | "delivered" | "failed";
                };
                header?: never;
                path: {
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["WebhookDelivery"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-51"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/deliveries/{delivery_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One delivery: its event and every attempt (status, duration, response) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (whd_…) */
                    delivery_id: components["parameters"]["path-delivery_id-whd"];
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookDelivery"] & {
                            event: {
                                created_at: string;
                                data: {
                                    [key: string]: unknown;
                                };
                                id: string;
                                /** @enum {string} */
                                object: "event";
                                resource_id: string;
                                resource_type: string;
                                type: string;
                                /** @description the version of `data` for this event type (docs/events.md) */
                                version: number;
                            };
                            /** @description every attempt, oldest first */
                            log: {
                                attempt: number;
                                /** Format: date-time */
                                created_at: string;
                                duration_ms: number;
                                error: string | null;
                                /** @description the first 1 KB of the response body */
                                response_snippet: string | null;
                                /** @description null when no HTTP answer came (timeout, refused, blocked address) */
                                status_code: number | null;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                404: components["responses"]["404-52"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/deliveries/{delivery_id}/redeliver": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Send the delivery's event again (a new delivery, sent at once) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (whd_…) */
                    delivery_id: components["parameters"]["path-delivery_id-whd"];
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                202: components["responses"]["WebhookDelivery"];
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                404: components["responses"]["404-52"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/rotate-secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Replace the signing secret (the answer shows the new one) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": components["schemas"]["WebhookEndpoint"] & {
                            /** @description the signing secret (whsec_…): verify each delivery with it (docs/webhooks.md) */
                            secret: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/{id}/secret": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The endpoint's signing secret */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (we_…) */
                    id: components["parameters"]["path-id-we"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            secret: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/admin/webhooks/event-types": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The events an endpoint can subscribe to (docs/events.md) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                description: string;
                                resource_type: string;
                                type: string;
                            }[];
                        };
                    };
                };
                401: components["responses"]["401-3"];
                403: components["responses"]["403-2"];
                429: components["responses"]["429"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/health": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Liveness: the process answers */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/ready": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Readiness: the database answers too */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/assistant": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Ask the shopping assistant: find products, an order's status, the shop's policies, cart proposals */
        post: {
            parameters: {
                query?: never;
                header?: {
                    /** @description a guest's order token: opens that order to questions */
                    "x-order-token"?: string;
                };
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description id (cart_…) */
                        cart_id?: string;
                        /** @description id (asst_…) */
                        conversation_id?: string;
                        /** @description prices are compared in it (else the cart's, else the default region's), unless the message names one */
                        currency_code?: string;
                        message: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            actions: {
                                /** @description the cart_id sent; null: create a cart first */
                                cart_id: string | null;
                                quantity: number;
                                /** @enum {string} */
                                type: "add_to_cart";
                                variant_id: string;
                            }[];
                            conversation_id: string;
                            /** @description product_search, order_status, policy, add_to_cart, greeting or unknown */
                            intent: string;
                            order: {
                                display_number: string | null;
                                fulfillment_status: string;
                                id: string;
                                payment_status: string;
                                /** Format: date-time */
                                placed_at: string | null;
                                status: string;
                            } | null;
                            products: components["schemas"]["Product"][];
                            reply: string;
                        };
                    };
                };
                400: components["responses"]["400-14"];
                404: components["responses"]["404-14"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/login": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Sign in: a bearer token, also set as an HttpOnly cookie */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                        password: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer: components["schemas"]["Customer"];
                            /** Format: date-time */
                            expires_at: string;
                            token: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/logout": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End this session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-2"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/logout-all": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** End every session of this account, on every device */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            sessions_ended: number;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-2"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/password-reset": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail a password-reset code (the same answer whether or not the email has an account) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        email: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/password-reset/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Set a new password with the code; ends every session */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        password: string;
                        token: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-12"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/verify-email": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Mail the email-verification code again */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            status: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-2"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/auth/verify-email/confirm": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Confirm the email with the code; guest orders placed with it join the account */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        token: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            claimed_orders: number;
                            customer_id: string;
                        };
                    };
                };
                400: components["responses"]["400-13"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Create a cart in a region (or the region selling a currency, or the default region) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        currency_code?: components["schemas"]["CurrencyCode"];
                        /** Format: email */
                        email?: string;
                        /** @description id (reg_…) */
                        region_id?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["Cart"];
                400: components["responses"]["400-3"];
                404: components["responses"]["404-4"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The cart with its computed totals */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-5"];
            };
        };
        put?: never;
        /** Set email, addresses or region */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        billing_address?: components["schemas"]["AddressInput"] | null;
                        /** Format: email */
                        email?: string | null;
                        /** @description id (reg_…) */
                        region_id?: string;
                        shipping_address?: components["schemas"]["AddressInput"] | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-4"];
                404: components["responses"]["404-5"];
                409: components["responses"]["409"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/complete": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Complete the cart: commit its stock, authorize the payment, place the order
         * @description Send an `Idempotency-Key` header: a retry with the same key returns the same order and does nothing twice.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["PlacedOrder"];
                400: components["responses"]["400-9"];
                402: components["responses"]["402"];
                404: components["responses"]["404-5"];
                409: components["responses"]["409-8"];
                502: components["responses"]["502"];
                504: components["responses"]["504"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/gift-cards": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Apply a gift card (code in any case); 409 says why one cannot pay this cart */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description a gift card code, in any case, with or without dashes */
                        code: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-6"];
                404: components["responses"]["404-10"];
                409: components["responses"]["409-5"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/gift-cards/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Take a gift card off the cart (its code, or the last four characters the cart shows) */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description a gift card code, in any case, with or without dashes */
                    code: string;
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-10"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/line-items": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Add a variant (a variant already in the cart gets more quantity) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        quantity: number;
                        /** @description id (var_…) */
                        variant_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-5"];
                404: components["responses"]["404-6"];
                409: components["responses"]["409-2"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/line-items/{line_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a line */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                    /** @description id (cali_…) */
                    line_id: components["parameters"]["path-line_id-cali"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-7"];
                409: components["responses"]["409-3"];
            };
        };
        options?: never;
        head?: never;
        /** Change a line’s quantity */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                    /** @description id (cali_…) */
                    line_id: components["parameters"]["path-line_id-cali"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        quantity: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-6"];
                404: components["responses"]["404-5"];
                409: components["responses"]["409-2"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        trace?: never;
    };
    "/store/carts/{id}/payment": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /**
         * Start payment: choose a provider, give its data; the cart’s stock is held while the buyer pays
         * @description For `test_card`, `data.card_number` picks the outcome (docs/payments.md). The number is not stored.
         */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        data?: {
                            [key: string]: unknown;
                        };
                        provider_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-8"];
                404: components["responses"]["404-5"];
                409: components["responses"]["409-7"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/promotions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Enter a promotion code (any case); 409 promotion_not_applicable says why one does not apply */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description letters, digits, - and _; matched case-insensitively */
                        code: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-6"];
                404: components["responses"]["404-9"];
                409: components["responses"]["409-4"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/promotions/{code}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove a promotion code from the cart */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description letters, digits, - and _; matched case-insensitively */
                    code: string;
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-9"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/shipping-method": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Choose a shipping option */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description id (so_…) */
                        option_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-7"];
                404: components["responses"]["404-8"];
                409: components["responses"]["409"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/shipping-options": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Shipping options that apply to the cart, priced for it */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                amount: number;
                                id: string;
                                name: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                404: components["responses"]["404-5"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/carts/{id}/store-credit": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Spend the signed-in customer’s store credit on the cart (up to amount) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** @description the most store credit to spend; omitted: as much as the total needs */
                        amount?: number;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-6"];
                404: components["responses"]["404-5"];
                409: components["responses"]["409-6"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        /** Stop spending store credit on the cart */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (cart_…) */
                    id: components["parameters"]["path-id-cart"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Cart-2"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-5"];
            };
        };
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/categories": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The category tree, depth first (parents before children) */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description id (pcat_…) */
                    parent_id?: components["parameters"]["query-parent_id-pcat"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Category"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/categories/{id_or_handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One category */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id_or_handle: components["parameters"]["path-id_or_handle"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Category"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-3"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/collections": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List collections */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Collection"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/collections/{id_or_handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One collection */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id_or_handle: components["parameters"]["path-id_or_handle"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Collection"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-2"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Register: creates the account, signs in, mails an email-verification code */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        /** Format: email */
                        email: string;
                        first_name: string;
                        last_name: string;
                        password: string;
                        phone?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            customer: components["schemas"]["Customer"];
                            /** Format: date-time */
                            expires_at: string;
                            token: string;
                        };
                    };
                };
                400: components["responses"]["400-11"];
                409: components["responses"]["409-10"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
                429: components["responses"]["429"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Customer"];
                401: components["responses"]["401-2"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        /** Update name, phone or metadata */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        first_name?: string;
                        last_name?: string;
                        metadata?: {
                            [key: string]: unknown;
                        };
                        phone?: string | null;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Customer"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-2"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        trace?: never;
    };
    "/store/customers/me/addresses": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The address book */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["AddressBookEntry"][];
                        };
                    };
                };
                401: components["responses"]["401-2"];
            };
        };
        put?: never;
        /** Add an address (optionally the default for shipping or billing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address: components["schemas"]["AddressInput"];
                        is_default_billing?: boolean;
                        is_default_shipping?: boolean;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                201: components["responses"]["AddressBookEntry"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-2"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/addresses/{address_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        post?: never;
        /** Remove an address */
        delete: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (caddr_…) */
                    address_id: components["parameters"]["path-address_id-caddr"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description No Content */
                204: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content?: never;
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-2"];
                404: components["responses"]["404-13"];
            };
        };
        options?: never;
        head?: never;
        /** Change an address or its defaults */
        patch: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (caddr_…) */
                    address_id: components["parameters"]["path-address_id-caddr"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        address?: components["schemas"]["AddressInput"];
                        is_default_billing?: boolean;
                        is_default_shipping?: boolean;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["AddressBookEntry-2"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-2"];
                404: components["responses"]["404-13"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        trace?: never;
    };
    "/store/customers/me/export": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Everything the shop holds about me: profile, addresses, marketing consent with its history, orders */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Everything the shop holds about a customer (GDPR access and portability) */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            addresses: components["schemas"]["AddressBookEntry"][];
                            customer: components["schemas"]["Customer"];
                            /** Format: date-time */
                            exported_at: string;
                            /** @enum {string} */
                            format: "cartwright.customer_export";
                            marketing_consent: components["schemas"]["MarketingConsent"];
                            /** @description every order placed, oldest first, as GET /store/orders/:id returns it */
                            orders: components["schemas"]["Order"][];
                            /** @description of this document’s layout: 1 */
                            version: number;
                        };
                    };
                };
                401: components["responses"]["401-2"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/marketing-consent": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** My marketing consent, per channel */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["MarketingConsent"];
                401: components["responses"]["401-2"];
            };
        };
        put?: never;
        /** Grant or withdraw marketing consent (email, sms) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": components["schemas"]["ConsentInput"];
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["MarketingConsent"];
                400: components["responses"]["400-6"];
                401: components["responses"]["401-2"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/product-views": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** Report that I viewed a product (kept for the marketing tool only if I consented to email marketing) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        product_id: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Accepted */
                202: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description false: no email consent, nothing kept */
                            recorded: boolean;
                        };
                    };
                };
                400: components["responses"]["400-6"];
                401: components["responses"]["401-2"];
                404: components["responses"]["404"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/customers/me/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** For the signed-in customer */
        get: {
            parameters: {
                query: {
                    limit: components["parameters"]["query-limit-2"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Product"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-2"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/orders": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The signed-in customer’s orders, newest first */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                currency_code: string;
                                fulfillment_status: string;
                                id: string;
                                number: number | null;
                                payment_status: string;
                                /** Format: date-time */
                                placed_at: string | null;
                                status: string;
                                total: number;
                            }[];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                401: components["responses"]["401-2"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/orders/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** An order, for its buyer: the signed-in customer it belongs to, or anyone with the X-Order-Token completing the cart returned */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: components["parameters"]["header-x-order-token"];
                };
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Order"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-12"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/orders/{id}/returns": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** The order’s returns */
        get: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: components["parameters"]["header-x-order-token"];
                };
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: {
                                /** Format: date-time */
                                created_at: string;
                                id: string;
                                items: {
                                    line_item_id: string;
                                    quantity: number;
                                    reason: string | null;
                                    received_quantity: number;
                                }[];
                                order_id: string;
                                reason: string | null;
                                /** Format: date-time */
                                received_at: string | null;
                                /** Format: date-time */
                                refunded_at: string | null;
                                status: string;
                            }[];
                        };
                    };
                };
                400: components["responses"]["400-2"];
                404: components["responses"]["404-12"];
            };
        };
        put?: never;
        /**
         * Ask to return delivered units (within the shop's return window)
         * @description Send the X-Order-Token completing the cart returned (or be signed in as the order’s customer).
         */
        post: {
            parameters: {
                query?: never;
                header?: {
                    "x-order-token"?: components["parameters"]["header-x-order-token"];
                };
                path: {
                    /** @description id (ord_…) */
                    id: components["parameters"]["path-id-ord"];
                };
                cookie?: never;
            };
            requestBody: {
                content: {
                    "application/json": {
                        lines: {
                            /** @description id (ordli_…) */
                            line_item_id: string;
                            quantity: number;
                            reason?: string;
                        }[];
                        note?: string;
                    };
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description Created */
                201: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            created_at: string;
                            id: string;
                            items: {
                                line_item_id: string;
                                quantity: number;
                                reason: string | null;
                                received_quantity: number;
                            }[];
                            order_id: string;
                            reason: string | null;
                            /** Format: date-time */
                            received_at: string | null;
                            /** Format: date-time */
                            refunded_at: string | null;
                            status: string;
                        };
                    };
                };
                400: components["responses"]["400-10"];
                404: components["responses"]["404-12"];
                409: components["responses"]["409-9"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List published products: search, filter, sort, page */
        get: {
            parameters: {
                query: {
                    /** @description id (pcat_…) */
                    category_id?: components["parameters"]["query-category_id-pcat"];
                    /** @description id (pcol_…) */
                    collection_id?: components["parameters"]["query-collection_id-pcol"];
                    /** @description only products priced in this currency (any case); needed for price filters and sorts */
                    currency_code?: components["parameters"]["query-currency_code"];
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                    /** @description minor units */
                    price_max?: components["parameters"]["query-price_max"];
                    /** @description minor units */
                    price_min?: components["parameters"]["query-price_min"];
                    /** @description search: word prefixes and synonyms match; typos are forgiven when nothing matches as typed */
                    q?: components["parameters"]["query-q"];
                    /** @description newest first (default), title A–Z, lowest price first (`price`) or last (`-price`), search relevance (default with `q`) */
                    sort?: components["parameters"]["query-sort"];
                    /** @description products having every given tag */
                    tag?: components["parameters"]["query-tag"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Product"][];
                            /** @description the search with each word replaced by the closest word of a product title; given when the search as typed matched nothing */
                            did_you_mean?: string;
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products/{id_or_handle}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One published product with its options, variants and prices */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    id_or_handle: components["parameters"]["path-id_or_handle"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["Product"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/products/{id_or_handle}/recommendations": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Frequently bought together */
        get: {
            parameters: {
                query: {
                    limit: components["parameters"]["query-limit-2"];
                };
                header?: never;
                path: {
                    id_or_handle: components["parameters"]["path-id_or_handle"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["Product"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                404: components["responses"]["404"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/provenance/{lot_id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** Where a lot came from: supplier, received, shipped counts (products that make it public) */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (lot_…) */
                    lot_id: string;
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** Format: date-time */
                            expires_at: string | null;
                            lot_id: string;
                            lot_number: string;
                            product_id: string;
                            product_title: string;
                            /** @description reserved for the ledger's proof of these facts; null until the ledger provides one */
                            proof: null;
                            quantity_on_hand: number;
                            quantity_received: number;
                            quantity_shipped: number;
                            /** Format: date-time */
                            received_at: string;
                            supplier: {
                                name: string;
                            } | null;
                            variant_title: string;
                        };
                    };
                };
                400: components["responses"]["400-2"];
                404: components["responses"]["404-11"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/regions": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** List regions by name: currency, tax mode, countries */
        get: {
            parameters: {
                query: {
                    cursor?: components["parameters"]["query-cursor"];
                    limit: components["parameters"]["query-limit"];
                };
                header?: never;
                path?: never;
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            data: components["schemas"]["StoreRegion"][];
                            next_cursor: string | null;
                        };
                    };
                };
                400: components["responses"]["400-2"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/regions/{id}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        /** One region */
        get: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    /** @description id (reg_…) */
                    id: components["parameters"]["path-id-reg"];
                };
                cookie?: never;
            };
            requestBody?: never;
            responses: {
                "5XX": components["responses"]["5XX"];
                200: components["responses"]["StoreRegion"];
                400: components["responses"]["400-2"];
                404: components["responses"]["404-4"];
            };
        };
        put?: never;
        post?: never;
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/webhooks/carriers/{carrier}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A shipping carrier's tracking webhook (signed by the carrier) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    carrier: string;
                };
                cookie?: never;
            };
            /** @description the carrier's event exactly as it sent it: its signature covers these bytes */
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description true: this carrier event was already stored; nothing more happens */
                            duplicate: boolean;
                            /** @enum {boolean} */
                            received: true;
                        };
                    };
                };
                400: components["responses"]["400-15"];
                404: components["responses"]["404-16"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
    "/store/webhooks/payments/{provider}": {
        parameters: {
            query?: never;
            header?: never;
            path?: never;
            cookie?: never;
        };
        get?: never;
        put?: never;
        /** A payment gateway's webhook (signed by the gateway) */
        post: {
            parameters: {
                query?: never;
                header?: never;
                path: {
                    provider: string;
                };
                cookie?: never;
            };
            /** @description the gateway's event exactly as it sent it: its signature covers these bytes */
            requestBody: {
                content: {
                    "application/json": unknown;
                };
            };
            responses: {
                "5XX": components["responses"]["5XX"];
                /** @description OK */
                200: {
                    headers: {
                        [name: string]: unknown;
                    };
                    content: {
                        "application/json": {
                            /** @description true: this gateway event was already stored; nothing more happens */
                            duplicate: boolean;
                            /** @enum {boolean} */
                            received: true;
                        };
                    };
                };
                400: components["responses"]["400-15"];
                404: components["responses"]["404-15"];
                413: components["responses"]["413"];
                415: components["responses"]["415"];
            };
        };
        delete?: never;
        options?: never;
        head?: never;
        patch?: never;
        trace?: never;
    };
}
export type webhooks = Record<string, never>;
export interface components {
    schemas: {
        Address: {
            address_1: string;
            address_2?: string | null;
            city: string;
            company?: string | null;
            country_code: string;
            first_name: string;
            last_name: string;
            phone?: string | null;
            postal_code: string;
            province?: string | null;
        };
        AddressBookEntry: {
            address: components["schemas"]["Address"];
            /** Format: date-time */
            created_at: string;
            id: string;
            is_default_billing: boolean;
            is_default_shipping: boolean;
        };
        AddressInput: {
            address_1: string;
            address_2?: string | null;
            city: string;
            company?: string | null;
            country_code: components["schemas"]["CountryCode"];
            first_name: string;
            last_name: string;
            phone?: string | null;
            postal_code: string;
            province?: string | null;
        };
        Carrier: {
            id: string;
            /** @description buys and voids labels */
            labels: boolean;
            /** @description quotes rates: usable by calculated shipping options */
            rates: boolean;
            /** @description takes tracking webhooks at POST /store/webhooks/carriers/{id} */
            webhooks: boolean;
        };
        Cart: {
            /** @description what is left to pay by card: total − gift_card_total − store_credit_total */
            amount_due: number;
            billing_address: components["schemas"]["Address"] | null;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            currency_code: string;
            discount_total: number;
            email: string | null;
            /** @description what the gift cards pay */
            gift_card_total: number;
            /** @description the gift cards applied, in the order entered, and what each pays */
            gift_cards: {
                amount: number;
                last4: string;
                /** @description why it pays nothing: gift_card_disabled, gift_card_expired, gift_card_currency_mismatch, gift_card_insufficient_balance */
                problem: string | null;
            }[];
            /** Format: date-time */
            holds_expire_at: string | null;
            id: string;
            items: components["schemas"]["CartLine"][];
            payment_session: {
                amount: number;
                id: string;
                provider_id: string;
                status: string;
            } | null;
            /** @description the promotions that apply, in the order they were applied (docs/promotions.md) */
            promotions: {
                /** @description what it took off, minor units */
                amount: number;
                /** @description null for an automatic promotion */
                code: string | null;
                promotion_id: string;
                /** @description order, items or shipping */
                target: string;
                /** @description percentage, fixed, free_shipping or buy_x_get_y */
                type: string;
            }[];
            region_id: string;
            /** @description codes on the cart that no longer apply, with why; remove or keep them */
            removed_promotions: {
                code: string;
                promotion_id: string;
                /** @description inactive, not_started, expired, currency, region, minimum_subtotal, minimum_quantity, no_matching_items, exhausted, not_combinable (docs/promotions.md) */
                reason: string;
            }[];
            shipping_address: components["schemas"]["Address"] | null;
            shipping_method: {
                amount: number;
                name: string;
                option_id: string;
            } | null;
            shipping_total: number;
            /** @description what the signed-in buyer's store credit pays */
            store_credit_total: number;
            subtotal: number;
            tax_inclusive: boolean;
            tax_total: number;
            total: number;
            /** Format: date-time */
            updated_at: string;
            weight_grams: number;
        };
        CartLine: {
            discount_total: number;
            id: string;
            product_id: string;
            purchasable: boolean;
            quantity: number;
            sku: string | null;
            subtotal: number;
            /** @description percent */
            tax_rate: number;
            tax_total: number;
            title: string;
            total: number;
            unit_price: number;
            variant_id: string;
            variant_title: string;
        };
        Category: {
            /** Format: date-time */
            created_at: string;
            /** @description 0 for a top-level category */
            depth: number;
            description: string;
            handle: string;
            id: string;
            metadata: {
                [key: string]: unknown;
            };
            name: string;
            parent_id: string | null;
            position: number;
            /** Format: date-time */
            updated_at: string;
        };
        Collection: {
            /** Format: date-time */
            created_at: string;
            description: string;
            handle: string;
            id: string;
            metadata: {
                [key: string]: unknown;
            };
            title: string;
            /** Format: date-time */
            updated_at: string;
        };
        ConsentInput: {
            /** @description true grants, false withdraws */
            email?: boolean;
            sms?: boolean;
            /** @description where the customer gave it (storefront, checkout, newsletter_form…) */
            source?: string;
        };
        /** @description ISO 3166-1 alpha-2 (DE, US); any case accepted, returned upper case */
        CountryCode: string;
        /** @description ISO 4217 (USD); any case accepted, returned upper case */
        CurrencyCode: string;
        Customer: {
            /** Format: date-time */
            created_at: string;
            email: string;
            email_verified: boolean;
            first_name: string | null;
            group_ids: string[];
            id: string;
            last_name: string | null;
            metadata: {
                [key: string]: unknown;
            };
            phone: string | null;
        };
        CustomerDetail: {
            /** Format: date-time */
            created_at: string;
            email: string;
            email_verified: boolean;
            first_name: string | null;
            group_ids: string[];
            id: string;
            last_name: string | null;
            lifetime_value: {
                currency_code: string;
                orders: number;
                total: number;
            }[];
            metadata: {
                [key: string]: unknown;
            };
            orders: {
                currency_code: string;
                fulfillment_status: string;
                id: string;
                number: number | null;
                payment_status: string;
                /** Format: date-time */
                placed_at: string | null;
                status: string;
                total: number;
            }[];
            phone: string | null;
        };
        Deleted: {
            deleted: boolean;
            id: string;
            object: string;
        };
        DraftOrder: {
            billing_address: components["schemas"]["Address"] | null;
            /** Format: date-time */
            canceled_at: string | null;
            cart_id: string;
            /** Format: date-time */
            completed_at: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            currency_code: string;
            email: string | null;
            id: string;
            items: {
                custom_price: boolean;
                id: string;
                price_reason: string | null;
                quantity: number;
                sku: string | null;
                subtotal: number;
                /** @description percent */
                tax_rate: number;
                tax_total: number;
                title: string;
                total: number;
                unit_price: number;
                variant_id: string;
                variant_title: string;
            }[];
            note: string | null;
            order_id: string | null;
            region_id: string;
            /** Format: date-time */
            sent_at: string | null;
            shipping_address: components["schemas"]["Address"] | null;
            shipping_method: {
                amount: number;
                name: string;
                option_id: string;
            } | null;
            shipping_total: number;
            /** @description open, sent, completed or canceled */
            status: string;
            subtotal: number;
            tax_total: number;
            total: number;
        };
        /** @description Every error: a stable code, a message for people, details for programs. */
        ErrorResponse: {
            error: {
                code: string;
                details: {
                    [key: string]: unknown;
                };
                message: string;
            };
        };
        Fulfillment: {
            /** Format: date-time */
            canceled_at: string | null;
            carrier: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** Format: date-time */
            delivered_at: string | null;
            id: string;
            items: {
                line_item_id: string;
                quantity: number;
            }[];
            location_id: string;
            note: string | null;
            order_id: string;
            /** Format: date-time */
            shipped_at: string | null;
            /** @description fulfilled, shipped, delivered or canceled */
            status: string;
            tracking_number: string | null;
            tracking_url: string | null;
        };
        InventoryItem: {
            allow_backorder: boolean;
            /** Format: date-time */
            created_at: string | null;
            /** @description iitem_…; null until the variant’s first inventory change or setting */
            id: string | null;
            levels: {
                /** @description on_hand − committed − reserved − safety_stock */
                available: number;
                /** @description in orders not yet fulfilled */
                committed: number;
                /** @description on its way (purchase orders, transfers); not sellable yet */
                incoming: number;
                location_code: string;
                location_id: string;
                location_name: string;
                /** @description physically in the location */
                on_hand: number;
                /** @description held by carts in checkout */
                reserved: number;
                /** @description kept back, never sold */
                safety_stock: number;
                /** Format: date-time */
                updated_at: string;
            }[];
            /** @description tracked, with a threshold, and the total available is at or below it */
            low_stock: boolean;
            low_stock_threshold: number | null;
            manage_inventory: boolean;
            product_id: string;
            product_title: string;
            sku: string | null;
            totals: {
                /** @description on_hand − committed − reserved − safety_stock */
                available: number;
                /** @description in orders not yet fulfilled */
                committed: number;
                /** @description on its way (purchase orders, transfers); not sellable yet */
                incoming: number;
                /** @description physically in the location */
                on_hand: number;
                /** @description held by carts in checkout */
                reserved: number;
                /** @description kept back, never sold */
                safety_stock: number;
            };
            /** Format: date-time */
            updated_at: string | null;
            variant_id: string;
            variant_title: string;
        };
        Job: {
            description: string | null;
            failure_count: number;
            /** @description the period; 0: off */
            interval_ms: number;
            last_duration_ms: number | null;
            last_error: string | null;
            /** Format: date-time */
            last_finished_at: string | null;
            /** @description what the run did, in figures */
            last_result: {
                [key: string]: unknown;
            } | null;
            /** Format: date-time */
            last_started_at: string | null;
            last_status: ("succeeded" | "failed") | null;
            name: string;
            /** Format: date-time */
            next_run_at: string;
            run_count: number;
            /** @description a process holds its lease right now */
            running: boolean;
        };
        LedgerHead: {
            /** @description the newest signed block; null before the first closes */
            block: components["schemas"]["SignedBlock"] | null;
            /** @description its hash */
            hash: string;
            /** @description the chain's last entry, sealed or not */
            seq: number;
            /** @description entries waiting for the next block */
            unsealed: number;
        };
        Level: {
            allow_backorder: boolean;
            /** @description on_hand − committed − reserved − safety_stock */
            available: number;
            /** @description in orders not yet fulfilled */
            committed: number;
            /** @description on its way (purchase orders, transfers); not sellable yet */
            incoming: number;
            item_id: string;
            location_code: string;
            location_id: string;
            location_name: string;
            /** @description tracked, with a threshold, and available here is at or below it */
            low_stock: boolean;
            low_stock_threshold: number | null;
            manage_inventory: boolean;
            /** @description physically in the location */
            on_hand: number;
            product_id: string;
            product_title: string;
            /** @description held by carts in checkout */
            reserved: number;
            /** @description kept back, never sold */
            safety_stock: number;
            sku: string | null;
            /** Format: date-time */
            updated_at: string;
            variant_id: string;
            variant_title: string;
        };
        Location: {
            active: boolean;
            address: {
                [key: string]: unknown;
            };
            code: string;
            /** Format: date-time */
            created_at: string;
            id: string;
            name: string;
            priority: number;
            /** Format: date-time */
            updated_at: string;
        };
        Lot: {
            currency_code: string | null;
            /** Format: date-time */
            expires_at: string | null;
            id: string;
            item_id: string;
            /** @description landed costs spread onto the lot (whole lot, minor units of currency_code) */
            landed_cost: number;
            location_id: string;
            lot_number: string;
            product_id: string | null;
            purchase_order_id: string | null;
            quantity_fulfilled: number;
            quantity_on_hand: number;
            quantity_received: number;
            quantity_returned: number;
            /** Format: date-time */
            received_at: string;
            sku: string | null;
            stock: {
                location_id: string;
                quantity: number;
            }[];
            supplier_id: string | null;
            supplier_name: string | null;
            unit_cost: number | null;
            variant_id: string;
        };
        Margin: {
            cost_of_goods: number;
            costed_revenue: number;
            costed_units: number;
            margin: number;
            revenue: number;
            uncosted_units: number;
            units: number;
        };
        MarketingConsent: {
            email: {
                granted: boolean;
                /**
                 * Format: date-time
                 * @description when; null: never asked (no consent)
                 */
                recorded_at: string | null;
                /** @description where it was last given or withdrawn */
                source: string | null;
            };
            /** @description every grant and withdrawal, oldest first (staff only) */
            history?: {
                /** @enum {string} */
                channel: "email" | "sms";
                granted: boolean;
                /** Format: date-time */
                recorded_at: string;
                source: string;
            }[];
            sms: {
                granted: boolean;
                /**
                 * Format: date-time
                 * @description when; null: never asked (no consent)
                 */
                recorded_at: string | null;
                /** @description where it was last given or withdrawn */
                source: string | null;
            };
        };
        /** @description Your own key/value data; not interpreted by Cartwright */
        Metadata: {
            [key: string]: unknown;
        };
        MoneySummary: {
            authorized_total: number;
            /** @description net_total − paid_total: > 0 the customer owes, < 0 the shop owes */
            balance: number;
            capturable_total: number;
            captured_total: number;
            credit_total: number;
            net_total: number;
            paid_total: number;
            refunded_total: number;
            total: number;
        };
        Movement: {
            /** @description an admin user id (usr_…), or `checkout`, `system` */
            actor: string;
            after: number;
            before: number;
            /** @description after − before */
            change: number;
            /** Format: date-time */
            created_at: string;
            /** @enum {string} */
            field: "on_hand" | "committed" | "reserved" | "safety_stock" | "incoming";
            id: string;
            item_id: string;
            location_id: string;
            note: string | null;
            reason: string;
            reference_id: string | null;
            reference_type: string | null;
            sku: string | null;
            /** @description null once the variant is deleted */
            variant_id: string | null;
        };
        /** @description no leading or trailing spaces */
        Name: string;
        Option: {
            id: string;
            title: string;
            values: string[];
        };
        Order: {
            billing_address: components["schemas"]["Address"] | null;
            /** Format: date-time */
            created_at: string;
            currency_code: string;
            discount_total: number;
            display_number: string | null;
            email: string;
            fulfillment_status: string;
            id: string;
            items: components["schemas"]["OrderLine"][];
            number: number | null;
            payment_status: string;
            /** Format: date-time */
            placed_at: string | null;
            region_id: string;
            shipping_address: components["schemas"]["Address"] | null;
            shipping_method: {
                amount: number;
                name: string;
                option_id: string;
                tax_total: number;
            } | null;
            shipping_total: number;
            status: string;
            subtotal: number;
            tax_inclusive: boolean;
            tax_total: number;
            total: number;
        };
        OrderDetail: {
            billing_address: components["schemas"]["Address"] | null;
            /** Format: date-time */
            created_at: string;
            currency_code: string;
            /** @description the customer account that placed it; null for a guest */
            customer_id: string | null;
            discount_total: number;
            display_number: string | null;
            edits: components["schemas"]["OrderEdit"][];
            email: string;
            fulfillment_status: string;
            fulfillments: components["schemas"]["Fulfillment"][];
            id: string;
            items: {
                delivered_quantity: number;
                discount_total: number;
                fulfilled_quantity: number;
                id: string;
                /** @description order, edit or exchange */
                origin: string;
                product_id: string;
                quantity: number;
                refunded_quantity: number;
                requested_return_quantity: number;
                return_id: string | null;
                returned_quantity: number;
                shipped_quantity: number;
                sku: string | null;
                subtotal: number;
                /** @description percent */
                tax_rate: number;
                tax_total: number;
                title: string;
                total: number;
                unit_price: number;
                variant_id: string;
                variant_title: string;
            }[];
            number: number | null;
            payment_operations: {
                amount: number;
                /** Format: date-time */
                created_at: string;
                created_by: string;
                error_code: string | null;
                id: string;
                kind: string;
                payment_id: string;
                refund_id: string | null;
                /** Format: date-time */
                settled_at: string | null;
                status: string;
            }[];
            payment_status: string;
            payments: {
                authorized_amount: number;
                capturable_amount: number;
                captured_amount: number;
                /** Format: date-time */
                created_at: string;
                currency_code: string;
                id: string;
                provider_id: string;
                refunded_amount: number;
                status: string;
            }[];
            /** Format: date-time */
            placed_at: string | null;
            refunds: components["schemas"]["Refund"][];
            region_id: string;
            returns: components["schemas"]["Return"][];
            shipping_address: components["schemas"]["Address"] | null;
            shipping_method: {
                amount: number;
                name: string;
                option_id: string;
                tax_total: number;
            } | null;
            shipping_total: number;
            status: string;
            subtotal: number;
            summary: components["schemas"]["MoneySummary"];
            tax_inclusive: boolean;
            tax_total: number;
            timeline: components["schemas"]["TimelineEntry"][];
            total: number;
            version: number;
        };
        OrderEdit: {
            /** @description > 0: left to pay; < 0: to refund */
            balance_after: number;
            changes: {
                /** @description added, updated or removed */
                action: string;
                line_item_id: string;
                price_reason: string | null;
                quantity_after: number;
                quantity_before: number;
                title: string;
                total_after: number;
                total_before: number;
                unit_price: number;
                variant_id: string;
            }[];
            /** Format: date-time */
            created_at: string;
            created_by: string;
            dry_run: boolean;
            id: string;
            note: string | null;
            order_id: string;
            total_after: number;
            total_before: number;
            version: number;
        };
        OrderLine: {
            discount_total: number;
            id: string;
            product_id: string;
            quantity: number;
            sku: string | null;
            subtotal: number;
            /** @description percent */
            tax_rate: number;
            tax_total: number;
            title: string;
            total: number;
            unit_price: number;
            variant_id: string;
            variant_title: string;
        };
        OrderListItem: {
            /** Format: date-time */
            created_at: string;
            currency_code: string;
            customer_id: string | null;
            display_number: string | null;
            email: string;
            fulfillment_status: string;
            id: string;
            item_count: number;
            number: number | null;
            payment_status: string;
            /** Format: date-time */
            placed_at: string | null;
            region_id: string;
            status: string;
            total: number;
        };
        PlacedOrder: {
            /** @description send as X-Order-Token to GET /store/orders/:id */
            access_token: string;
            billing_address: components["schemas"]["Address"] | null;
            /** Format: date-time */
            created_at: string;
            currency_code: string;
            discount_total: number;
            display_number: string | null;
            email: string;
            fulfillment_status: string;
            id: string;
            items: components["schemas"]["OrderLine"][];
            number: number | null;
            payment_status: string;
            /** Format: date-time */
            placed_at: string | null;
            region_id: string;
            shipping_address: components["schemas"]["Address"] | null;
            shipping_method: {
                amount: number;
                name: string;
                option_id: string;
                tax_total: number;
            } | null;
            shipping_total: number;
            status: string;
            subtotal: number;
            tax_inclusive: boolean;
            tax_total: number;
            total: number;
        };
        Price: {
            /** @description Store API: what one unit costs this buyer now, price lists applied */
            amount: number;
            currency_code: string;
            /** @description Store API, when a sale lowers the price: the price before it (show it struck through) */
            original_amount?: number;
            /** @description Store API: the price list that set amount */
            price_list_id?: string;
            /** @description Store API: quantity tiers, when buying more costs less per unit */
            tiers?: {
                /** @description what a unit costs then */
                amount: number;
                /** @description from this many units on one cart line */
                min_quantity: number;
                price_list_id: string | null;
            }[];
        };
        PriceInput: {
            /** @description minor units */
            amount: number;
            currency_code: components["schemas"]["CurrencyCode"];
        };
        Product: {
            category_ids: string[];
            collection_id: string | null;
            /** Format: date-time */
            created_at: string;
            description: string;
            /** @description sold as a gift card: needs no shipping and no stock */
            gift_card: boolean;
            handle: string;
            id: string;
            images: string[];
            metadata: {
                [key: string]: unknown;
            };
            options: components["schemas"]["Option"][];
            /** Format: date-time */
            published_at: string | null;
            /** @enum {string} */
            status: "draft" | "published" | "archived";
            tags: string[];
            tax_class: string | null;
            title: string;
            /** Format: date-time */
            updated_at: string;
            variants: components["schemas"]["Variant"][];
        };
        ProductInput: {
            category_ids?: string[];
            /** @description id (pcol_…) */
            collection_id?: string | null;
            description?: string;
            /** @description sold as a gift card: each unit paid for issues a card of the unit's price, emailed to the buyer (docs/gift-cards.md) */
            gift_card?: boolean;
            /** @description URL-safe: lower-case letters, digits, dashes */
            handle?: string;
            images?: string[];
            metadata?: components["schemas"]["Metadata"];
            options?: {
                title: string;
                values: string[];
            }[];
            /** @enum {string} */
            status?: "draft" | "published" | "archived";
            tags?: string[];
            /** @description e.g. reduced; null: the standard rate */
            tax_class?: string | null;
            title: string;
            variants?: components["schemas"]["VariantInput"][];
        };
        Promotion: {
            active: boolean;
            amounts: {
                amount: number;
                currency_code: string;
            }[] | null;
            automatic: boolean;
            budget: {
                amount: number;
                currency_code: string;
                used: number;
            } | null;
            buy_quantity: number | null;
            campaign_id: string | null;
            category_ids: string[];
            code: string | null;
            collection_ids: string[];
            combinable: boolean;
            /** Format: date-time */
            created_at: string;
            currency_codes: string[];
            customer_group_ids: string[];
            description: string | null;
            /** @description the discount on orders placed with it, per currency */
            discount_given: {
                amount: number;
                currency_code: string;
            }[];
            /** Format: date-time */
            ends_at: string | null;
            first_order_only: boolean;
            get_quantity: number | null;
            id: string;
            min_quantity: number | null;
            min_subtotals: {
                amount: number;
                currency_code: string;
            }[];
            per_customer_limit: number | null;
            product_ids: string[];
            region_ids: string[];
            segment_ids: string[];
            /** Format: date-time */
            starts_at: string | null;
            tags: string[];
            target: string;
            tiers: {
                currency_code: string;
                min_subtotal: number;
                value: number;
            }[];
            type: string;
            /** Format: date-time */
            updated_at: string;
            /** @description orders placed with it */
            usage_count: number;
            usage_limit: number | null;
            /** @description percentage and buy_x_get_y: the percent */
            value: number | null;
            variant_ids: string[];
        };
        PromotionInput: {
            active?: boolean;
            /** @description fixed: the amount off in each currency it applies in */
            amounts?: components["schemas"]["PriceInput"][] | null;
            /** @description true: no code, applies to every cart that meets its conditions */
            automatic?: boolean;
            /** @description the most discount it may give in total; it then applies only in that currency */
            budget?: components["schemas"]["PriceInput"] | null;
            /** @description buy_x_get_y: the units to buy (X) */
            buy_quantity?: number | null;
            /** @description the campaign whose dates and budget it shares */
            campaign_id?: string | null;
            /** @description categories whose products match (the category itself, not its subcategories) */
            category_ids?: string[];
            /** @description what buyers enter; null with automatic: true for a promotion that applies by itself */
            code?: string | null;
            /** @description collections whose products match */
            collection_ids?: string[];
            /** @description whether it applies together with other combinable promotions (default false) */
            combinable?: boolean;
            /** @description fixed: the currency of value (or give amounts) */
            currency_code?: components["schemas"]["CurrencyCode"] | null;
            /** @description only carts in these currencies (empty: any) */
            currency_codes?: components["schemas"]["CurrencyCode"][];
            /** @description the signed-in customer must be in one of these groups */
            customer_group_ids?: string[];
            description?: string | null;
            /**
             * Format: date-time
             * @description the promotion stops applying at this time
             */
            ends_at?: string | null;
            /** @description only for a buyer (account or email) with no earlier placed order that was not canceled */
            first_order_only?: boolean;
            /** @description buy_x_get_y: the units got with them (Y), the cheapest matching ones */
            get_quantity?: number | null;
            /** @description the matching units the cart must hold */
            min_quantity?: number | null;
            /** @description the cart subtotal (before discounts) needed, per currency; a currency not listed does not qualify */
            min_subtotals?: components["schemas"]["PriceInput"][];
            /** @description uses per customer account, or per email for guests */
            per_customer_limit?: number | null;
            /** @description the products it applies to (any listed product, collection or category matches) */
            product_ids?: string[];
            /** @description only carts in these regions (empty: any) */
            region_ids?: string[];
            /** @description the signed-in customer must be in one of these marketing segments */
            segment_ids?: string[];
            /** Format: date-time */
            starts_at?: string | null;
            /** @description product tags whose products match */
            tags?: string[];
            /**
             * @description order (default): every line; items: the lines matching the conditions; shipping (free_shipping's only target): the shipping price
             * @enum {string}
             */
            target?: "order" | "items" | "shipping";
            /** @description tiered percentage or fixed: from min_subtotal (before discounts) in its currency, this value instead of value/amounts; the highest tier reached applies */
            tiers?: {
                currency_code: components["schemas"]["CurrencyCode"];
                /** @description minor units */
                min_subtotal: number;
                value: number;
            }[];
            /** @enum {string} */
            type: "percentage" | "fixed" | "free_shipping" | "buy_x_get_y";
            usage_limit?: number | null;
            /** @description percentage: the percent (10 is 10 %, at most 4 decimals); fixed: the amount off in minor units of currency_code; buy_x_get_y: the percent off the units got (default 100: free) */
            value?: number | null;
            /** @description variants that match */
            variant_ids?: string[];
        };
        PurchaseOrder: {
            /** Format: date-time */
            canceled_at: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            currency_code: string;
            /** Format: date-time */
            expected_at: string | null;
            id: string;
            lines: components["schemas"]["PurchaseOrderLine"][];
            location_id: string;
            note: string | null;
            /** Format: date-time */
            ordered_at: string | null;
            /** Format: date-time */
            received_at: string | null;
            reference: string | null;
            /** @enum {string} */
            status: "draft" | "ordered" | "partially_received" | "received" | "canceled";
            supplier_id: string;
            supplier_name: string;
            total_cost: number;
            /** Format: date-time */
            updated_at: string;
        };
        PurchaseOrderLine: {
            id: string;
            quantity: number;
            quantity_outstanding: number;
            quantity_received: number;
            sku: string | null;
            total_cost: number;
            unit_cost: number;
            variant_id: string | null;
        };
        Refund: {
            amount: number;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** @description the part of the amount that lowers what the customer owes */
            credit_amount: number;
            error_code: string | null;
            id: string;
            lines: {
                amount: number;
                line_item_id: string;
                quantity: number;
            }[];
            note: string | null;
            order_id: string;
            reason: string;
            return_id: string | null;
            /** Format: date-time */
            settled_at: string | null;
            /** @description pending, succeeded or failed */
            status: string;
            /** @description the store credit account it was paid to instead of the payments */
            store_credit_id: string | null;
        };
        Region: {
            /** @description sorted */
            countries: string[];
            /** Format: date-time */
            created_at: string;
            currency_code: string;
            /** @description percent */
            default_tax_rate: number;
            id: string;
            name: string;
            tax_inclusive: boolean;
            /** Format: date-time */
            updated_at: string;
        };
        Return: {
            /** Format: date-time */
            canceled_at: string | null;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            /** @description the value of the units received back */
            credit_amount: number;
            /** @description replacement lines this exchange added to the order */
            exchange_line_ids: string[];
            id: string;
            items: {
                condition: string | null;
                disposition: string | null;
                line_item_id: string;
                location_id: string | null;
                quantity: number;
                reason: string | null;
                received_quantity: number;
            }[];
            location_id: string | null;
            note: string | null;
            order_id: string;
            reason: string | null;
            /** Format: date-time */
            received_at: string | null;
            refund_id: string | null;
            /** Format: date-time */
            refunded_at: string | null;
            /** @description staff or customer */
            source: string;
            /** @description requested, received, refunded or canceled */
            status: string;
        };
        Segment: {
            /** Format: date-time */
            created_at: string;
            id: string;
            name: string;
            /** @description every rule given must hold */
            rules: {
                /** @description in any of these customer groups */
                group_ids?: string[];
                /** @description spent at least this much in placed orders not canceled, in this currency */
                min_total_spent?: {
                    amount: number;
                    currency_code: string;
                };
                /** @description placed an order in the last this-many days */
                ordered_within_days?: number;
                /** @description bought any of these products */
                product_ids?: string[];
            };
            /** Format: date-time */
            updated_at: string;
        };
        SegmentInput: {
            /** @description also the tag its members carry in the marketing tool */
            name: string;
            /** @description every rule given must hold */
            rules: {
                /** @description in any of these customer groups */
                group_ids?: string[];
                /** @description spent at least this much in placed orders not canceled, in this currency */
                min_total_spent?: {
                    amount: number;
                    currency_code: string;
                };
                /** @description placed an order in the last this-many days */
                ordered_within_days?: number;
                /** @description bought any of these products */
                product_ids?: string[];
            };
        };
        ShippingLabel: {
            /** @description what the carrier charged, in currency_code’s minor unit */
            amount: number | null;
            carrier_id: string;
            /** Format: date-time */
            created_at: string;
            created_by: string;
            currency_code: string | null;
            error_message: string | null;
            fulfillment_id: string;
            id: string;
            /** @description the label (PDF) to print */
            label_url: string | null;
            order_id: string;
            service: string | null;
            /**
             * @description purchasing: the carrier was asked, no answer recorded (asking again resumes it) · purchased · failed: refused · canceled: voided
             * @enum {string}
             */
            status: "purchasing" | "purchased" | "failed" | "canceled";
            tracking_number: string | null;
            tracking_url: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        ShippingOption: {
            active: boolean;
            amount: number | null;
            carrier_id: string | null;
            carrier_service: string | null;
            /** Format: date-time */
            created_at: string;
            /** @description the region’s currency, which the amounts are in */
            currency_code: string;
            free_over_amount: number | null;
            id: string;
            name: string;
            position: number;
            /**
             * @description flat: one amount; weight: by weight bands; calculated: the carrier's live rate plus markup, `amount` when the carrier does not answer
             * @enum {string}
             */
            price_type: "flat" | "weight" | "calculated";
            rate_markup_amount: number;
            rate_markup_percent: number;
            region_id: string;
            /** Format: date-time */
            updated_at: string;
            weight_bands: {
                amount: number;
                up_to_grams: number;
            }[] | null;
        };
        SignedBlock: {
            block_seq: number;
            /** Format: date-time */
            closed_at: string;
            /** @description the first entry the block seals */
            first_seq: number;
            /** @description the hash of entry last_seq: the chain up to it */
            head_hash: string;
            /** @description the signing key (GET /admin/ledger/keys) */
            key_id: string;
            /** @description the last entry the block seals */
            last_seq: number;
            /** @description Merkle root of the entries' hashes (docs/ledger.md) */
            merkle_root: string;
            /** @description the exact signed bytes: the canonical JSON of the fields above but signature */
            message: string;
            /** @description Ed25519 over `message`, base64 */
            signature: string;
        };
        StaffUser: {
            /** Format: date-time */
            created_at: string;
            email: string;
            id: string;
            /** Format: date-time */
            last_login_at: string | null;
            name: string | null;
            role: string;
        };
        StoreRegion: {
            /** @description ISO 3166-1 alpha-2, sorted */
            countries: string[];
            currency_code: string;
            id: string;
            name: string;
            /** @description true: prices include tax; false: tax is added at checkout */
            tax_inclusive: boolean;
        };
        Supplier: {
            code: string | null;
            /** Format: date-time */
            created_at: string;
            email: string | null;
            id: string;
            name: string;
            note: string | null;
            phone: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        TaxRate: {
            country_code: string | null;
            /** Format: date-time */
            created_at: string;
            id: string;
            name: string;
            /** @description percent */
            rate: number;
            region_id: string;
            tax_class: string | null;
            /** Format: date-time */
            updated_at: string;
        };
        TimelineEntry: {
            actor: {
                id: string | null;
                type: string;
            } | null;
            /** Format: date-time */
            at: string;
            data: {
                [key: string]: unknown;
            };
            id: string;
            type: string;
        };
        Variant: {
            /** @description units available over all active locations; null when not tracked. The Store API shows what STORE_STOCK_DISPLAY allows: the exact count (default), at most STORE_STOCK_CAP, or null (in_stock only) */
            available_quantity: number | null;
            /** @description Store API with STORE_STOCK_DISPLAY=capped: true when at least available_quantity (the cap) are available — show "10+" */
            available_quantity_capped?: boolean;
            barcode: string | null;
            height_mm: number | null;
            id: string;
            /** @description sellable now: stock available, backorders allowed, or not tracked */
            in_stock: boolean;
            length_mm: number | null;
            metadata: {
                [key: string]: unknown;
            };
            options: {
                [key: string]: string;
            };
            prices: components["schemas"]["Price"][];
            sku: string | null;
            title: string;
            weight_grams: number | null;
            width_mm: number | null;
        };
        VariantInput: {
            barcode?: string | null;
            /** @description millimetres, for carrier rates */
            height_mm?: number | null;
            /** @description millimetres, for carrier rates */
            length_mm?: number | null;
            metadata?: components["schemas"]["Metadata"];
            /** @description option title → value, e.g. { "Size": "M" } */
            options?: {
                [key: string]: string;
            };
            prices?: components["schemas"]["PriceInput"][];
            sku?: string | null;
            title?: string;
            weight_grams?: number | null;
            /** @description millimetres, for carrier rates */
            width_mm?: number | null;
        };
        WebhookDelivery: {
            attempts: number;
            /** Format: date-time */
            created_at: string;
            /** Format: date-time */
            delivered_at: string | null;
            endpoint_id: string;
            event_id: string;
            event_type: string;
            /** Format: date-time */
            expires_at: string;
            id: string;
            last_error: string | null;
            last_status_code: number | null;
            /**
             * Format: date-time
             * @description when pending: the next attempt
             */
            next_attempt_at: string | null;
            /** @enum {string} */
            object: "webhook_delivery";
            redelivery_of: string | null;
            resource_id: string;
            resource_type: string;
            /**
             * @description failed: retries used up (dead-lettered); redeliver to try again
             * @enum {string}
             */
            status: "pending" | "delivered" | "failed";
        };
        WebhookEndpoint: {
            /** Format: date-time */
            created_at: string;
            description: string | null;
            /** Format: date-time */
            disabled_at: string | null;
            /** @description failing: disabled by Cartwright after a delivery used up its retries; manual: by staff */
            disabled_reason: string | null;
            enabled: boolean;
            events: string[];
            id: string;
            /** Format: date-time */
            last_failure_at: string | null;
            /** Format: date-time */
            last_success_at: string | null;
            metadata: {
                [key: string]: unknown;
            };
            /** @enum {string} */
            object: "webhook_endpoint";
            /** Format: date-time */
            updated_at: string;
            url: string;
        };
    };
    responses: {
        /** @description database_unavailable, internal_error */
        "5XX": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "database_unavailable" | "internal_error";
                    };
                };
            };
        };
        /** @description invalid_cursor, invalid_request */
        400: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_cursor" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_request */
        "400-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_request";
                    };
                };
            };
        };
        /** @description idempotency_key_mismatch, invalid_idempotency_key, invalid_json, invalid_request */
        "400-3": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "idempotency_key_mismatch" | "invalid_idempotency_key" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description country_not_in_region, invalid_json, invalid_request */
        "400-4": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "country_not_in_region" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, variant_not_for_sale, variant_not_priced */
        "400-5": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "variant_not_for_sale" | "variant_not_priced";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request */
        "400-6": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, shipping_option_unavailable */
        "400-7": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "shipping_option_unavailable";
                    };
                };
            };
        };
        /** @description cart_incomplete, invalid_json, invalid_payment_data, invalid_request, payment_provider_not_found */
        "400-8": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_incomplete" | "invalid_json" | "invalid_payment_data" | "invalid_request" | "payment_provider_not_found";
                    };
                };
            };
        };
        /** @description invalid_request, payment_required */
        "400-9": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_request" | "payment_required";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, quantity_exceeds_returnable */
        "400-10": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "quantity_exceeds_returnable";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, weak_password */
        "400-11": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "weak_password";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, invalid_token, weak_password */
        "400-12": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "invalid_token" | "weak_password";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, invalid_token */
        "400-13": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "invalid_token";
                    };
                };
            };
        };
        /** @description invalid_currency, invalid_json, invalid_request */
        "400-14": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_currency" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, invalid_webhook_payload, invalid_webhook_signature */
        "400-15": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "invalid_webhook_payload" | "invalid_webhook_signature";
                    };
                };
            };
        };
        /** @description invalid_currency, invalid_json, invalid_request, too_many_options, too_many_variants, variant_options_invalid */
        "400-16": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_currency" | "invalid_json" | "invalid_request" | "too_many_options" | "too_many_variants" | "variant_options_invalid";
                    };
                };
            };
        };
        /** @description bulk_too_many, idempotency_key_mismatch, invalid_json, invalid_request */
        "400-17": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "bulk_too_many" | "idempotency_key_mismatch" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, too_many_options */
        "400-18": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "too_many_options";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, too_many_variants, variant_options_invalid */
        "400-19": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "too_many_variants" | "variant_options_invalid";
                    };
                };
            };
        };
        /** @description invalid_currency, invalid_json, invalid_request, variant_options_invalid */
        "400-20": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_currency" | "invalid_json" | "invalid_request" | "variant_options_invalid";
                    };
                };
            };
        };
        /** @description csv_invalid, invalid_json, invalid_request */
        "400-21": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "csv_invalid" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description category_cycle, invalid_json, invalid_request */
        "400-22": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "category_cycle" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description idempotency_key_mismatch, invalid_currency, invalid_json, invalid_request */
        "400-23": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "idempotency_key_mismatch" | "invalid_currency" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_country, invalid_currency, invalid_json, invalid_request */
        "400-24": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_country" | "invalid_currency" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description carrier_not_found, invalid_json, invalid_request */
        "400-25": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "carrier_not_found" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description carrier_buys_no_labels, carrier_not_found, invalid_json, invalid_request */
        "400-26": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "carrier_buys_no_labels" | "carrier_not_found" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_reference, invalid_request */
        "400-27": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_reference" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_currency, invalid_json, invalid_reference, invalid_request */
        "400-28": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_currency" | "invalid_json" | "invalid_reference" | "invalid_request";
                    };
                };
            };
        };
        /** @description amount_exceeds_capturable, invalid_json, invalid_request */
        "400-29": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "amount_exceeds_capturable" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, lot_quantities_exceed_line, order_line_not_found, quantity_exceeds_fulfillable */
        "400-30": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "lot_quantities_exceed_line" | "order_line_not_found" | "quantity_exceeds_fulfillable";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, order_line_not_found, quantity_exceeds_returnable */
        "400-31": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "order_line_not_found" | "quantity_exceeds_returnable";
                    };
                };
            };
        };
        /** @description idempotency_key_mismatch, invalid_json, invalid_request, order_line_not_found, quantity_exceeds_refundable, refund_exceeds_captured */
        "400-32": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "idempotency_key_mismatch" | "invalid_json" | "invalid_request" | "order_line_not_found" | "quantity_exceeds_refundable" | "refund_exceeds_captured";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, order_line_not_found, quantity_below_fulfilled */
        "400-33": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "order_line_not_found" | "quantity_below_fulfilled";
                    };
                };
            };
        };
        /** @description idempotency_key_mismatch, invalid_json, invalid_request */
        "400-34": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "idempotency_key_mismatch" | "invalid_json" | "invalid_request";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, unknown_event_type, webhook_url_not_allowed */
        "400-35": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "unknown_event_type" | "webhook_url_not_allowed";
                    };
                };
            };
        };
        /** @description invalid_json, invalid_request, webhook_url_not_allowed */
        "400-36": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_json" | "invalid_request" | "webhook_url_not_allowed";
                    };
                };
            };
        };
        /** @description invalid_credentials */
        401: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "invalid_credentials";
                    };
                };
            };
        };
        /** @description customer_unauthorized */
        "401-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "customer_unauthorized";
                    };
                };
            };
        };
        /** @description unauthorized */
        "401-3": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "unauthorized";
                    };
                };
            };
        };
        /** @description payment_declined */
        402: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "payment_declined";
                    };
                };
            };
        };
        /** @description csrf_failed, forbidden */
        403: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "csrf_failed" | "forbidden";
                    };
                };
            };
        };
        /** @description forbidden */
        "403-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "forbidden";
                    };
                };
            };
        };
        /** @description product_not_found */
        404: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "product_not_found";
                    };
                };
            };
        };
        /** @description collection_not_found */
        "404-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "collection_not_found";
                    };
                };
            };
        };
        /** @description category_not_found */
        "404-3": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "category_not_found";
                    };
                };
            };
        };
        /** @description region_not_found */
        "404-4": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "region_not_found";
                    };
                };
            };
        };
        /** @description cart_not_found */
        "404-5": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_not_found";
                    };
                };
            };
        };
        /** @description cart_not_found, variant_not_found */
        "404-6": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description cart_not_found, line_item_not_found */
        "404-7": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_not_found" | "line_item_not_found";
                    };
                };
            };
        };
        /** @description cart_not_found, shipping_option_not_found */
        "404-8": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_not_found" | "shipping_option_not_found";
                    };
                };
            };
        };
        /** @description cart_not_found, promotion_not_found */
        "404-9": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_not_found" | "promotion_not_found";
                    };
                };
            };
        };
        /** @description cart_not_found, gift_card_not_found */
        "404-10": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_not_found" | "gift_card_not_found";
                    };
                };
            };
        };
        /** @description lot_not_found */
        "404-11": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "lot_not_found";
                    };
                };
            };
        };
        /** @description order_not_found */
        "404-12": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "order_not_found";
                    };
                };
            };
        };
        /** @description address_not_found */
        "404-13": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "address_not_found";
                    };
                };
            };
        };
        /** @description assistant_conversation_not_found, cart_not_found */
        "404-14": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "assistant_conversation_not_found" | "cart_not_found";
                    };
                };
            };
        };
        /** @description payment_webhooks_not_supported */
        "404-15": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "payment_webhooks_not_supported";
                    };
                };
            };
        };
        /** @description carrier_webhooks_not_supported */
        "404-16": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "carrier_webhooks_not_supported";
                    };
                };
            };
        };
        /** @description category_not_found, collection_not_found */
        "404-17": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "category_not_found" | "collection_not_found";
                    };
                };
            };
        };
        /** @description category_not_found, collection_not_found, product_not_found */
        "404-18": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "category_not_found" | "collection_not_found" | "product_not_found";
                    };
                };
            };
        };
        /** @description option_not_found */
        "404-19": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "option_not_found";
                    };
                };
            };
        };
        /** @description product_not_found, variant_not_found */
        "404-20": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "product_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description variant_not_found */
        "404-21": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "variant_not_found";
                    };
                };
            };
        };
        /** @description search_synonym_not_found */
        "404-22": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "search_synonym_not_found";
                    };
                };
            };
        };
        /** @description location_not_found */
        "404-23": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_not_found";
                    };
                };
            };
        };
        /** @description location_not_found, lot_not_found, supplier_not_found, variant_not_found */
        "404-24": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_not_found" | "lot_not_found" | "supplier_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description location_not_found, variant_not_found */
        "404-25": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description region_not_found, tax_rate_not_found */
        "404-26": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "region_not_found" | "tax_rate_not_found";
                    };
                };
            };
        };
        /** @description shipping_option_not_found */
        "404-27": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "shipping_option_not_found";
                    };
                };
            };
        };
        /** @description fulfillment_not_found */
        "404-28": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "fulfillment_not_found";
                    };
                };
            };
        };
        /** @description label_not_found */
        "404-29": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "label_not_found";
                    };
                };
            };
        };
        /** @description promotion_not_found */
        "404-30": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "promotion_not_found";
                    };
                };
            };
        };
        /** @description campaign_not_found */
        "404-31": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "campaign_not_found";
                    };
                };
            };
        };
        /** @description price_list_not_found */
        "404-32": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "price_list_not_found";
                    };
                };
            };
        };
        /** @description price_list_price_not_found */
        "404-33": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "price_list_price_not_found";
                    };
                };
            };
        };
        /** @description supplier_not_found */
        "404-34": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "supplier_not_found";
                    };
                };
            };
        };
        /** @description location_not_found, supplier_not_found, variant_not_found */
        "404-35": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_not_found" | "supplier_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description purchase_order_line_not_found, variant_not_found */
        "404-36": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "purchase_order_line_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description location_not_found, lot_not_found, order_not_found */
        "404-37": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_not_found" | "lot_not_found" | "order_not_found";
                    };
                };
            };
        };
        /** @description location_not_found, return_not_found */
        "404-38": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_not_found" | "return_not_found";
                    };
                };
            };
        };
        /** @description return_not_found */
        "404-39": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "return_not_found";
                    };
                };
            };
        };
        /** @description order_not_found, variant_not_found */
        "404-40": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "order_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description shipping_option_not_found, variant_not_found */
        "404-41": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "shipping_option_not_found" | "variant_not_found";
                    };
                };
            };
        };
        /** @description draft_order_not_found */
        "404-42": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "draft_order_not_found";
                    };
                };
            };
        };
        /** @description customer_group_not_found */
        "404-43": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "customer_group_not_found";
                    };
                };
            };
        };
        /** @description customer_not_found */
        "404-44": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "customer_not_found";
                    };
                };
            };
        };
        /** @description customer_group_not_found, customer_not_found */
        "404-45": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "customer_group_not_found" | "customer_not_found";
                    };
                };
            };
        };
        /** @description segment_not_found */
        "404-46": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "segment_not_found";
                    };
                };
            };
        };
        /** @description marketing_dead_letter_not_found */
        "404-47": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "marketing_dead_letter_not_found";
                    };
                };
            };
        };
        /** @description role_not_found */
        "404-48": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "role_not_found";
                    };
                };
            };
        };
        /** @description user_not_found */
        "404-49": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "user_not_found";
                    };
                };
            };
        };
        /** @description api_key_not_found */
        "404-50": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "api_key_not_found";
                    };
                };
            };
        };
        /** @description webhook_endpoint_not_found */
        "404-51": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "webhook_endpoint_not_found";
                    };
                };
            };
        };
        /** @description webhook_delivery_not_found */
        "404-52": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "webhook_delivery_not_found";
                    };
                };
            };
        };
        /** @description job_not_found */
        "404-53": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "job_not_found";
                    };
                };
            };
        };
        /** @description order_not_ledgered */
        "404-54": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "order_not_ledgered";
                    };
                };
            };
        };
        /** @description email_not_found */
        "404-55": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "email_not_found";
                    };
                };
            };
        };
        /** @description cart_completed */
        409: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_completed";
                    };
                };
            };
        };
        /** @description cart_completed, cart_locked, insufficient_inventory */
        "409-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_completed" | "cart_locked" | "insufficient_inventory";
                    };
                };
            };
        };
        /** @description cart_completed, cart_locked */
        "409-3": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_completed" | "cart_locked";
                    };
                };
            };
        };
        /** @description promotion_not_applicable */
        "409-4": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "promotion_not_applicable";
                    };
                };
            };
        };
        /** @description gift_card_currency_mismatch, gift_card_disabled, gift_card_expired */
        "409-5": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "gift_card_currency_mismatch" | "gift_card_disabled" | "gift_card_expired";
                    };
                };
            };
        };
        /** @description store_credit_not_available */
        "409-6": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "store_credit_not_available";
                    };
                };
            };
        };
        /** @description cart_completed, insufficient_inventory, payment_not_required */
        "409-7": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_completed" | "insufficient_inventory" | "payment_not_required";
                    };
                };
            };
        };
        /** @description cart_completed, checkout_in_progress, gift_card_disabled, gift_card_insufficient_balance, idempotency_key_in_use, insufficient_inventory, promotion_exhausted, promotion_not_applicable */
        "409-8": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "cart_completed" | "checkout_in_progress" | "gift_card_disabled" | "gift_card_insufficient_balance" | "idempotency_key_in_use" | "insufficient_inventory" | "promotion_exhausted" | "promotion_not_applicable";
                    };
                };
            };
        };
        /** @description return_window_closed */
        "409-9": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "return_window_closed";
                    };
                };
            };
        };
        /** @description customer_email_taken */
        "409-10": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "customer_email_taken";
                    };
                };
            };
        };
        /** @description option_title_taken, product_handle_taken, variant_options_taken, variant_sku_taken */
        "409-11": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "option_title_taken" | "product_handle_taken" | "variant_options_taken" | "variant_sku_taken";
                    };
                };
            };
        };
        /** @description product_handle_taken */
        "409-12": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "product_handle_taken";
                    };
                };
            };
        };
        /** @description bulk_count_changed */
        "409-13": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "bulk_count_changed";
                    };
                };
            };
        };
        /** @description option_title_taken */
        "409-14": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "option_title_taken";
                    };
                };
            };
        };
        /** @description option_title_taken, option_value_in_use */
        "409-15": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "option_title_taken" | "option_value_in_use";
                    };
                };
            };
        };
        /** @description variant_options_taken */
        "409-16": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "variant_options_taken";
                    };
                };
            };
        };
        /** @description variant_options_taken, variant_sku_taken */
        "409-17": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "variant_options_taken" | "variant_sku_taken";
                    };
                };
            };
        };
        /** @description collection_handle_taken */
        "409-18": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "collection_handle_taken";
                    };
                };
            };
        };
        /** @description category_handle_taken */
        "409-19": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "category_handle_taken";
                    };
                };
            };
        };
        /** @description category_has_children */
        "409-20": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "category_has_children";
                    };
                };
            };
        };
        /** @description search_synonym_word_taken */
        "409-21": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "search_synonym_word_taken";
                    };
                };
            };
        };
        /** @description location_code_taken */
        "409-22": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_code_taken";
                    };
                };
            };
        };
        /** @description location_in_use */
        "409-23": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "location_in_use";
                    };
                };
            };
        };
        /** @description inventory_quantity_too_large, inventory_would_go_negative */
        "409-24": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "inventory_quantity_too_large" | "inventory_would_go_negative";
                    };
                };
            };
        };
        /** @description insufficient_inventory, inventory_quantity_too_large */
        "409-25": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "insufficient_inventory" | "inventory_quantity_too_large";
                    };
                };
            };
        };
        /** @description inventory_would_go_negative */
        "409-26": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "inventory_would_go_negative";
                    };
                };
            };
        };
        /** @description country_in_other_region */
        "409-27": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "country_in_other_region";
                    };
                };
            };
        };
        /** @description country_in_other_region, region_in_use */
        "409-28": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "country_in_other_region" | "region_in_use";
                    };
                };
            };
        };
        /** @description region_in_use */
        "409-29": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "region_in_use";
                    };
                };
            };
        };
        /** @description tax_rate_exists */
        "409-30": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "tax_rate_exists";
                    };
                };
            };
        };
        /** @description label_purchase_in_progress */
        "409-31": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "label_purchase_in_progress";
                    };
                };
            };
        };
        /** @description label_not_cancelable */
        "409-32": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "label_not_cancelable";
                    };
                };
            };
        };
        /** @description promotion_code_taken */
        "409-33": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "promotion_code_taken";
                    };
                };
            };
        };
        /** @description campaign_in_use */
        "409-34": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "campaign_in_use";
                    };
                };
            };
        };
        /** @description gift_card_insufficient_balance */
        "409-35": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "gift_card_insufficient_balance";
                    };
                };
            };
        };
        /** @description supplier_code_taken */
        "409-36": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "supplier_code_taken";
                    };
                };
            };
        };
        /** @description supplier_in_use */
        "409-37": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "supplier_in_use";
                    };
                };
            };
        };
        /** @description purchase_order_status_invalid */
        "409-38": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "purchase_order_status_invalid";
                    };
                };
            };
        };
        /** @description inventory_quantity_too_large, purchase_order_status_invalid */
        "409-39": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "inventory_quantity_too_large" | "purchase_order_status_invalid";
                    };
                };
            };
        };
        /** @description purchase_order_status_invalid, quantity_exceeds_outstanding */
        "409-40": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "purchase_order_status_invalid" | "quantity_exceeds_outstanding";
                    };
                };
            };
        };
        /** @description payment_not_capturable */
        "409-41": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "payment_not_capturable";
                    };
                };
            };
        };
        /** @description order_canceled, order_not_cancelable */
        "409-42": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "order_canceled" | "order_not_cancelable";
                    };
                };
            };
        };
        /** @description insufficient_inventory, lot_expired, lot_insufficient, order_canceled */
        "409-43": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "insufficient_inventory" | "lot_expired" | "lot_insufficient" | "order_canceled";
                    };
                };
            };
        };
        /** @description fulfillment_already_shipped, fulfillment_canceled, order_canceled */
        "409-44": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "fulfillment_already_shipped" | "fulfillment_canceled" | "order_canceled";
                    };
                };
            };
        };
        /** @description fulfillment_already_delivered, fulfillment_canceled, fulfillment_not_shipped */
        "409-45": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "fulfillment_already_delivered" | "fulfillment_canceled" | "fulfillment_not_shipped";
                    };
                };
            };
        };
        /** @description fulfillment_already_shipped, fulfillment_canceled */
        "409-46": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "fulfillment_already_shipped" | "fulfillment_canceled";
                    };
                };
            };
        };
        /** @description order_canceled */
        "409-47": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "order_canceled";
                    };
                };
            };
        };
        /** @description return_already_received, return_already_refunded, return_canceled */
        "409-48": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "return_already_received" | "return_already_refunded" | "return_canceled";
                    };
                };
            };
        };
        /** @description nothing_to_refund, return_already_refunded, return_canceled, return_not_received */
        "409-49": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "nothing_to_refund" | "return_already_refunded" | "return_canceled" | "return_not_received";
                    };
                };
            };
        };
        /** @description store_credit_refund_needs_customer */
        "409-50": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "store_credit_refund_needs_customer";
                    };
                };
            };
        };
        /** @description insufficient_inventory, order_not_editable */
        "409-51": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "insufficient_inventory" | "order_not_editable";
                    };
                };
            };
        };
        /** @description draft_order_not_open */
        "409-52": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "draft_order_not_open";
                    };
                };
            };
        };
        /** @description customer_group_name_taken */
        "409-53": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "customer_group_name_taken";
                    };
                };
            };
        };
        /** @description segment_name_taken */
        "409-54": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "segment_name_taken";
                    };
                };
            };
        };
        /** @description marketing_refused */
        "409-55": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "marketing_refused";
                    };
                };
            };
        };
        /** @description admin_email_taken */
        "409-56": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "admin_email_taken";
                    };
                };
            };
        };
        /** @description role_key_taken */
        "409-57": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "role_key_taken";
                    };
                };
            };
        };
        /** @description role_in_use */
        "409-58": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "role_in_use";
                    };
                };
            };
        };
        /** @description payload_too_large */
        413: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "payload_too_large";
                    };
                };
            };
        };
        /** @description unsupported_media_type */
        415: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "unsupported_media_type";
                    };
                };
            };
        };
        /** @description carrier_refused */
        422: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "carrier_refused";
                    };
                };
            };
        };
        /** @description too_many_attempts */
        429: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "too_many_attempts";
                    };
                };
            };
        };
        /** @description payment_provider_error */
        502: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "payment_provider_error";
                    };
                };
            };
        };
        /** @description carrier_unavailable */
        "502-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "carrier_unavailable";
                    };
                };
            };
        };
        /** @description payment_timeout */
        504: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ErrorResponse"] & {
                    error?: {
                        /** @enum {unknown} */
                        code?: "payment_timeout";
                    };
                };
            };
        };
        /** @description Created */
        AddressBookEntry: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AddressBookEntry"];
            };
        };
        /** @description OK */
        "AddressBookEntry-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["AddressBookEntry"];
            };
        };
        /** @description Created */
        Cart: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Cart"];
            };
        };
        /** @description OK */
        "Cart-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Cart"];
            };
        };
        /** @description OK */
        Category: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Category"];
            };
        };
        /** @description Created */
        "Category-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Category"];
            };
        };
        /** @description OK */
        Collection: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Collection"];
            };
        };
        /** @description Created */
        "Collection-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Collection"];
            };
        };
        /** @description OK */
        Customer: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Customer"];
            };
        };
        /** @description OK */
        CustomerDetail: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["CustomerDetail"];
            };
        };
        /** @description OK */
        Deleted: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Deleted"];
            };
        };
        /** @description Created */
        DraftOrder: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DraftOrder"];
            };
        };
        /** @description OK */
        "DraftOrder-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["DraftOrder"];
            };
        };
        /** @description Created */
        Fulfillment: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Fulfillment"];
            };
        };
        /** @description OK */
        "Fulfillment-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Fulfillment"];
            };
        };
        /** @description OK */
        InventoryItem: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["InventoryItem"];
            };
        };
        /** @description OK */
        Job: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Job"];
            };
        };
        /** @description Accepted */
        "Job-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Job"];
            };
        };
        /** @description OK */
        LedgerHead: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["LedgerHead"];
            };
        };
        /** @description OK */
        Level: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Level"];
            };
        };
        /** @description Created */
        Location: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Location"];
            };
        };
        /** @description OK */
        "Location-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Location"];
            };
        };
        /** @description OK */
        Lot: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Lot"];
            };
        };
        /** @description OK */
        MarketingConsent: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["MarketingConsent"];
            };
        };
        /** @description OK */
        Order: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Order"];
            };
        };
        /** @description OK */
        OrderDetail: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OrderDetail"];
            };
        };
        /** @description Created */
        "OrderDetail-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OrderDetail"];
            };
        };
        /** @description OK */
        OrderEdit: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OrderEdit"];
            };
        };
        /** @description Created */
        "OrderEdit-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["OrderEdit"];
            };
        };
        /** @description Created */
        PlacedOrder: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PlacedOrder"];
            };
        };
        /** @description OK */
        Product: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Product"];
            };
        };
        /** @description Created */
        "Product-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Product"];
            };
        };
        /** @description Created */
        Promotion: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Promotion"];
            };
        };
        /** @description OK */
        "Promotion-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Promotion"];
            };
        };
        /** @description Created */
        PurchaseOrder: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PurchaseOrder"];
            };
        };
        /** @description OK */
        "PurchaseOrder-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["PurchaseOrder"];
            };
        };
        /** @description Created */
        Refund: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Refund"];
            };
        };
        /** @description Created */
        Region: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Region"];
            };
        };
        /** @description OK */
        "Region-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Region"];
            };
        };
        /** @description Created */
        Return: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Return"];
            };
        };
        /** @description OK */
        "Return-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Return"];
            };
        };
        /** @description Created */
        Segment: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Segment"];
            };
        };
        /** @description OK */
        "Segment-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Segment"];
            };
        };
        /** @description OK */
        ShippingLabel: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ShippingLabel"];
            };
        };
        /** @description Created */
        ShippingOption: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ShippingOption"];
            };
        };
        /** @description OK */
        "ShippingOption-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["ShippingOption"];
            };
        };
        /** @description Created */
        StaffUser: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StaffUser"];
            };
        };
        /** @description OK */
        "StaffUser-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StaffUser"];
            };
        };
        /** @description OK */
        StoreRegion: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["StoreRegion"];
            };
        };
        /** @description Created */
        Supplier: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Supplier"];
            };
        };
        /** @description OK */
        "Supplier-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["Supplier"];
            };
        };
        /** @description Created */
        TaxRate: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TaxRate"];
            };
        };
        /** @description OK */
        "TaxRate-2": {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TaxRate"];
            };
        };
        /** @description Created */
        TimelineEntry: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["TimelineEntry"];
            };
        };
        /** @description Accepted */
        WebhookDelivery: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookDelivery"];
            };
        };
        /** @description OK */
        WebhookEndpoint: {
            headers: {
                [name: string]: unknown;
            };
            content: {
                "application/json": components["schemas"]["WebhookEndpoint"];
            };
        };
    };
    parameters: {
        "header-x-order-token": string;
        /** @description id (caddr_…) */
        "path-address_id-caddr": string;
        /** @description id (whd_…) */
        "path-delivery_id-whd": string;
        /** @description id (ful_…) */
        "path-fulfillment_id-ful": string;
        "path-id_or_handle": string;
        /** @description id (camp_…) */
        "path-id-camp": string;
        /** @description id (cart_…) */
        "path-id-cart": string;
        /** @description id (cus_…) */
        "path-id-cus": string;
        /** @description id (dord_…) */
        "path-id-dord": string;
        /** @description id (gc_…) */
        "path-id-gc": string;
        /** @description id (lot_…) */
        "path-id-lot": string;
        /** @description id (mdl_…) */
        "path-id-mdl": string;
        /** @description id (ord_…) */
        "path-id-ord": string;
        /** @description id (pcat_…) */
        "path-id-pcat": string;
        /** @description id (pcol_…) */
        "path-id-pcol": string;
        /** @description id (plist_…) */
        "path-id-plist": string;
        /** @description id (po_…) */
        "path-id-po": string;
        /** @description id (prod_…) */
        "path-id-prod": string;
        /** @description id (promo_…) */
        "path-id-promo": string;
        /** @description id (reg_…) */
        "path-id-reg": string;
        /** @description id (seg_…) */
        "path-id-seg": string;
        /** @description id (sloc_…) */
        "path-id-sloc": string;
        /** @description id (so_…) */
        "path-id-so": string;
        /** @description id (ssyn_…) */
        "path-id-ssyn": string;
        /** @description id (sup_…) */
        "path-id-sup": string;
        /** @description id (txr_…) */
        "path-id-txr": string;
        /** @description id (usr_…) */
        "path-id-usr": string;
        /** @description id (we_…) */
        "path-id-we": string;
        "path-key": string;
        /** @description id (cali_…) */
        "path-line_id-cali": string;
        "path-name": string;
        /** @description id (opt_…) */
        "path-option_id-opt": string;
        /** @description id (reg_…) */
        "path-region_id-reg": string;
        /** @description id (ret_…) */
        "path-return_id-ret": string;
        /** @description id (var_…) */
        "path-variant_id-var": string;
        /** @description id (pcat_…) */
        "query-category_id-pcat": string;
        /** @description id (pcol_…) */
        "query-collection_id-pcol": string;
        /** @description only products priced in this currency (any case); needed for price filters and sorts */
        "query-currency_code": string;
        /** @description ISO 4217 (USD); any case accepted, returned upper case */
        "query-currency_code-2": string;
        "query-cursor": string;
        /** @description check and count, write nothing */
        "query-dry_run": boolean;
        "query-from": string;
        "query-granularity": "day" | "week" | "month";
        "query-limit": number;
        "query-limit-2": number;
        /** @description id (sloc_…) */
        "query-location_id-sloc": string;
        /** @description id (pcat_…) */
        "query-parent_id-pcat": string;
        /** @description minor units */
        "query-price_max": number;
        /** @description minor units */
        "query-price_min": number;
        /** @description search: word prefixes and synonyms match; typos are forgiven when nothing matches as typed */
        "query-q": string;
        /** @description id (reg_…) */
        "query-region_id-reg": string;
        /** @description newest first (default), title A–Z, lowest price first (`price`) or last (`-price`), search relevance (default with `q`) */
        "query-sort": "newest" | "title" | "price" | "-price" | "relevance";
        /** @description id (sup_…) */
        "query-supplier_id-sup": string;
        /** @description products having every given tag */
        "query-tag": string[];
        "query-time_zone": string;
        "query-to": string;
        /** @description id (var_…) */
        "query-variant_id-var": string;
    };
    requestBodies: never;
    headers: never;
    pathItems: never;
}
export type $defs = Record<string, never>;
export type operations = Record<string, never>;
