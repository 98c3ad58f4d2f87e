/** gRPC services: the terminal link (gateway side) and the operator AdminService. */
package com.vproptrader.host.rpc;
