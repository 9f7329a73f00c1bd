//! The structure of an API from the official Python SDK's classes (`alipay-sdk-python`).
